import type { LinkBuilder } from '@klausul/links';
import { count, danishDate, danishInstant } from './danish';
import { action, type EmailContent, list, paragraph } from './email-layout';

/** The monthly request to a supplier: one signed confirmation link per contract (review) of the month. */
export interface ReviewRequestData {
  /** YYYY-MM */
  period: string;
  linkTtlDays: number;
  reviews: readonly {
    /** The signed link token of this review (goes into /confirm/:token). */
    token: string;
    tenderTitle: string;
    placements: number;
    /** YYYY-MM-DD */
    dueOn: string;
  }[];
}

export function reviewRequest(d: ReviewRequestData, links: LinkBuilder): EmailContent {
  return {
    subject: `Månedlig opfølgning ${d.period}: bekræft jeres ansatte`,
    heading: `Månedlig opfølgning ${d.period}`,
    blocks: [
      paragraph('Bekræft for hver kontrakt, hvem der stadig er ansat, og med hvor mange timer om ugen. Det tager under et minut.'),
      list(
        d.reviews.map((r) => ({
          text: `${r.tenderTitle} (${count(r.placements, 'ansat', 'ansatte')}), senest ${danishDate(r.dueOn)}`,
          link: { label: `Bekræft ansatte for ${r.tenderTitle}`, href: links.confirm(r.token) },
        })),
      ),
      paragraph(`Linket gælder kun denne opfølgning og udløber efter ${d.linkTtlDays} dage. Du behøver ikke logge ind.`),
    ],
  };
}

/** A review of one contract and month. */
export interface ReviewData {
  reviewId: string;
  /** YYYY-MM */
  period: string;
  tenderTitle: string;
  supplierName: string;
  /** YYYY-MM-DD */
  dueOn: string;
}

/** To the supplier, while the review still waits for its confirmation. */
export function reviewReminder(d: Omit<ReviewData, 'supplierName'>, links: LinkBuilder): EmailContent {
  return {
    subject: `Påmindelse: månedlig opfølgning ${d.period} for "${d.tenderTitle}" senest ${danishDate(d.dueOn)}`,
    heading: `Påmindelse: månedlig opfølgning ${d.period}`,
    blocks: [
      paragraph(`Vi mangler jeres bekræftelse for "${d.tenderTitle}" (${d.period}). Fristen er ${danishDate(d.dueOn)}.`),
      paragraph('Brug linket i e-mailen om den månedlige opfølgning, eller log ind og bekræft her:'),
      action('Bekræft den månedlige opfølgning', links.supplierReview(d.reviewId)),
    ],
  };
}

/** To the unit's caseworkers, when the supplier let the deadline pass. */
export function reviewOverdue(d: ReviewData, links: LinkBuilder): EmailContent {
  return {
    subject: `Frist overskredet: ${d.supplierName} har ikke bekræftet opfølgningen ${d.period}`,
    heading: `Opfølgningen ${d.period} er ikke bekræftet`,
    blocks: [
      paragraph(`${d.supplierName} har ikke bekræftet den månedlige opfølgning for "${d.tenderTitle}" (${d.period}); fristen var ${danishDate(d.dueOn)}.`),
      action('Åbn opfølgningen', links.unitReview(d.reviewId)),
    ],
  };
}

/** To the municipality's admins, when the review is still overdue a second interval later. */
export function reviewEscalated(d: ReviewData, links: LinkBuilder): EmailContent {
  return {
    subject: `Eskaleret: opfølgningen ${d.period} for "${d.tenderTitle}" mangler stadig`,
    heading: `Eskaleret: opfølgningen ${d.period} mangler stadig`,
    blocks: [
      paragraph(`${d.supplierName} har stadig ikke bekræftet opfølgningen ${d.period} for "${d.tenderTitle}"; fristen var ${danishDate(d.dueOn)}.`),
      action('Åbn opfølgningen', links.unitReview(d.reviewId)),
    ],
  };
}

/** To the unit's caseworkers, when the monthly run started late (no worker was running). */
export interface ReviewRunLateData {
  /** YYYY-MM */
  period: string;
  dueAt: Date;
  startedAt: Date;
  reviewsCreated: number;
}

export function reviewRunLate(d: ReviewRunLateData, links: LinkBuilder): EmailContent {
  return {
    subject: `Den månedlige opfølgning for ${d.period} kørte forsinket`,
    heading: `Den månedlige opfølgning for ${d.period} kørte forsinket`,
    blocks: [
      paragraph(
        `Den månedlige opfølgning for ${d.period} skulle være startet ${danishInstant(d.dueAt)}, ` +
          `men startede først ${danishInstant(d.startedAt)} (ingen baggrundsproces kørte i mellemtiden). ` +
          `${count(d.reviewsCreated, 'opfølgning', 'opfølgninger')} er oprettet, og leverandørerne er bedt om at bekræfte; deres frister regnes fra i dag.`,
      ),
      action('Se månedens opfølgninger', links.unitReviews()),
    ],
  };
}

/** To the supplier, when the unit concludes that the clause is not met; the note is the unit's own words. */
export interface ClauseBreachData {
  reviewId: string;
  /** YYYY-MM */
  period: string;
  tenderTitle: string;
  note: string;
}

export function clauseBreach(d: ClauseBreachData, links: LinkBuilder): EmailContent {
  return {
    subject: `Beskæftigelsesklausulen er ikke opfyldt (${d.period})`,
    heading: `Beskæftigelsesklausulen i "${d.tenderTitle}" er ikke opfyldt`,
    blocks: [
      paragraph(`Kommunen har gennemgået den månedlige opfølgning for ${d.period} og vurderer, at beskæftigelsesklausulen ikke er opfyldt:`),
      paragraph(d.note),
      action('Se opfølgningen', links.supplierReview(d.reviewId)),
    ],
  };
}
