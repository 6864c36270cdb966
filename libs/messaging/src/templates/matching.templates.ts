import type { LinkBuilder } from '@klausul/links';
import { count, danishDate, danishNumber, danishShiftPattern } from './danish';
import { action, type EmailContent, facts, paragraph } from './email-layout';

/** A forwarded job description, as the jobcenter receives it. */
export interface JobDescriptionData {
  jobOrderId: string;
  title: string;
  supplierName: string;
  tasks: string;
  weeklyHours: number;
  /** morning, afternoon, split, full_day or flexible */
  shiftPattern: string;
  workplaceAddress: string;
  /** YYYY-MM-DD */
  startDate: string;
  positions: number;
  requirements: string;
  learningOnTheJob: string;
  interviewContact: string;
  /** YYYY-MM-DD, or null when no deadline is set */
  candidatesDueOn: string | null;
}

export function jobDescription(d: JobDescriptionData, links: LinkBuilder): EmailContent {
  return {
    subject: `Stillingsbeskrivelse: ${d.title} (${d.supplierName})`,
    heading: d.title,
    blocks: [
      facts([
        ['Leverandør', d.supplierName],
        ['Arbejdsopgaver', d.tasks],
        ['Timer pr. uge', danishNumber(d.weeklyHours)],
        ['Vagter', danishShiftPattern(d.shiftPattern)],
        ['Arbejdssted', d.workplaceAddress],
        ['Tiltrædelse', danishDate(d.startDate)],
        ['Antal stillinger', String(d.positions)],
        ['Krav', d.requirements || '-'],
        ['Det kan man lære i jobbet', d.learningOnTheJob || '-'],
        ['Kontakt om samtaler', d.interviewContact],
        ['Kandidater senest', d.candidatesDueOn ? danishDate(d.candidatesDueOn) : '-'],
      ]),
      action('Se stillingsbeskrivelsen og foreslå kandidater', links.jobcenterJobOrder(d.jobOrderId)),
    ],
  };
}

/** How far the jobcenter has come with a job order's candidates. */
export interface CandidatesStatusData extends Pick<JobDescriptionData, 'jobOrderId' | 'title' | 'supplierName' | 'positions'> {
  /** Candidates proposed and not withdrawn or declined. */
  proposed: number;
  /** YYYY-MM-DD */
  candidatesDueOn: string;
}

/** To the jobcenter, two working days before the deadline. */
export function candidatesReminder(d: CandidatesStatusData, links: LinkBuilder): EmailContent {
  return {
    subject: `Påmindelse: kandidater til "${d.title}" senest ${danishDate(d.candidatesDueOn)}`,
    heading: `Kandidater til "${d.title}" senest ${danishDate(d.candidatesDueOn)}`,
    blocks: [
      paragraph(`Der er foreslået ${count(d.proposed, 'kandidat', 'kandidater')} til ${count(d.positions, 'stilling', 'stillinger')} hos ${d.supplierName}.`),
      paragraph(`Fristen er ${danishDate(d.candidatesDueOn)}.`),
      action('Se jobordren og foreslå kandidater', links.jobcenterJobOrder(d.jobOrderId)),
    ],
  };
}

/** To the employment caseworkers, when the deadline passed with too few candidates. */
export function candidatesMissing(d: CandidatesStatusData, links: LinkBuilder): EmailContent {
  return {
    subject: `Frist overskredet: ${d.proposed} af ${d.positions} kandidater til "${d.title}"`,
    heading: `Frist overskredet for kandidater til "${d.title}"`,
    blocks: [
      paragraph(
        `Fristen for kandidater til "${d.title}" hos ${d.supplierName} var ${danishDate(d.candidatesDueOn)}. ` +
          `Der er foreslået ${count(d.proposed, 'kandidat', 'kandidater')} til ${count(d.positions, 'stilling', 'stillinger')}.`,
      ),
      action('Se kandidaterne til stillingen', links.unitCandidates(d.jobOrderId)),
    ],
  };
}

/** To the supplier's HR contacts, when the shortlist is released. */
export interface ShortlistData extends Pick<JobDescriptionData, 'jobOrderId' | 'title'> {
  shortlisted: number;
}

export function shortlist(d: ShortlistData, links: LinkBuilder): EmailContent {
  return {
    subject: `${count(d.shortlisted, 'kandidat', 'kandidater')} til "${d.title}"`,
    heading: `${count(d.shortlisted, 'kandidat', 'kandidater')} til "${d.title}"`,
    blocks: [
      paragraph(`Jobcentret har fundet ${count(d.shortlisted, 'kandidat', 'kandidater')} til "${d.title}".`),
      action('Se kandidaterne og aftal samtaler', links.supplierCandidates(d.jobOrderId)),
    ],
  };
}
