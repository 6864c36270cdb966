import { LinkBuilder } from '@klausul/links';
import { EMAIL_TEMPLATE_NAMES, type EmailTemplateName, type EmailTemplates, renderEmail } from './email-templates';

const links = new LinkBuilder('https://klausul.odense.dk');
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const HOSTILE = `${SCRIPT} ${IMG}`;
const ID = '0b6f4a2e-1111-4c2b-9a61-2f1f6f0c9d11';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJyZXZpZXdJZCI6IjEifQ.c2lnbmF0dXJl';

/** Per template: data with hostile text wherever a person typed it, the subject expected and the links it must carry. */
const cases: { [N in EmailTemplateName]: { data: EmailTemplates[N]; subject: string; links: string[] } } = {
  'supplier-welcome': {
    data: { contractId: ID, supplierName: HOSTILE, tenderTitle: 'Visiteret kørsel', municipalityName: 'Odense Kommune', startDate: '2025-01-01' },
    subject: 'Velkommen til matchingsperioden: Visiteret kørsel',
    links: [`https://klausul.odense.dk/supplier/contracts/${ID}/job-orders/new`],
  },
  'job-description': {
    data: {
      jobOrderId: ID, title: 'Chauffør', supplierName: 'Fynsk Rutekørsel A/S', tasks: HOSTILE, weeklyHours: 10.5, shiftPattern: 'split',
      workplaceAddress: 'Rugårdsvej 1, 5000 Odense C', startDate: '2025-03-01', positions: 16, requirements: '', learningOnTheJob: IMG,
      interviewContact: 'Mette, 12345678', candidatesDueOn: '2025-02-14',
    },
    subject: 'Stillingsbeskrivelse: Chauffør (Fynsk Rutekørsel A/S)',
    links: [`https://klausul.odense.dk/jobcenter/job-orders/${ID}`],
  },
  'candidates-reminder': {
    data: { jobOrderId: ID, title: 'Chauffør', supplierName: HOSTILE, proposed: 1, positions: 3, candidatesDueOn: '2026-03-25' },
    subject: 'Påmindelse: kandidater til "Chauffør" senest 25. marts 2026',
    links: [`https://klausul.odense.dk/jobcenter/job-orders/${ID}`],
  },
  'candidates-missing': {
    data: { jobOrderId: ID, title: 'Chauffør', supplierName: HOSTILE, proposed: 1, positions: 3, candidatesDueOn: '2026-03-25' },
    subject: 'Frist overskredet: 1 af 3 kandidater til "Chauffør"',
    links: [`https://klausul.odense.dk/unit/job-orders/${ID}/candidates`],
  },
  shortlist: {
    data: { jobOrderId: ID, title: HOSTILE, shortlisted: 18 },
    subject: `18 kandidater til "${HOSTILE}"`,
    links: [`https://klausul.odense.dk/supplier/job-orders/${ID}/candidates`],
  },
  'review-request': {
    data: {
      period: '2025-03', linkTtlDays: 30,
      reviews: [
        { token: TOKEN, tenderTitle: HOSTILE, placements: 16, dueOn: '2025-04-08' },
        { token: `${TOKEN}x`, tenderTitle: 'Rengøring', placements: 1, dueOn: '2025-04-08' },
      ],
    },
    subject: 'Månedlig opfølgning 2025-03: bekræft jeres ansatte',
    links: [`https://klausul.odense.dk/confirm/${TOKEN}`, `https://klausul.odense.dk/confirm/${TOKEN}x`],
  },
  'review-reminder': {
    data: { reviewId: ID, period: '2025-04', tenderTitle: HOSTILE, dueOn: '2025-05-08' },
    subject: `Påmindelse: månedlig opfølgning 2025-04 for "${HOSTILE}" senest 8. maj 2025`,
    links: [`https://klausul.odense.dk/supplier/reviews/${ID}`],
  },
  'review-overdue': {
    data: { reviewId: ID, period: '2025-04', tenderTitle: 'Visiteret kørsel', supplierName: HOSTILE, dueOn: '2025-05-08' },
    subject: `Frist overskredet: ${HOSTILE} har ikke bekræftet opfølgningen 2025-04`,
    links: [`https://klausul.odense.dk/unit/reviews/${ID}`],
  },
  'review-escalated': {
    data: { reviewId: ID, period: '2025-04', tenderTitle: 'Visiteret kørsel', supplierName: HOSTILE, dueOn: '2025-05-08' },
    subject: 'Eskaleret: opfølgningen 2025-04 for "Visiteret kørsel" mangler stadig',
    links: [`https://klausul.odense.dk/unit/reviews/${ID}`],
  },
  'review-run-late': {
    data: { period: '2025-03', dueAt: new Date('2025-04-01T06:00:00Z'), startedAt: new Date('2025-04-02T07:15:00Z'), reviewsCreated: 2 },
    subject: 'Den månedlige opfølgning for 2025-03 kørte forsinket',
    links: ['https://klausul.odense.dk/unit/reviews'],
  },
  'clause-breach': {
    data: { reviewId: ID, period: '2025-06', tenderTitle: 'Visiteret kørsel', note: `Kun 11 af 13 ansat.\n${HOSTILE}` },
    subject: 'Beskæftigelsesklausulen er ikke opfyldt (2025-06)',
    links: [`https://klausul.odense.dk/supplier/reviews/${ID}`],
  },
  invitation: {
    data: { token: 'abc_DEF-123', municipalityName: 'Odense Kommune', role: 'supplier_hr', supplierName: HOSTILE, invitedBy: 'Mette Hansen', expiresAt: new Date('2025-04-04T10:00:00Z') },
    subject: 'Du er inviteret til Klausul (Odense Kommune)',
    links: ['https://klausul.odense.dk/invitation/abc_DEF-123'],
  },
  'password-reset': {
    data: { token: 'abc_DEF-123', expiresAt: new Date('2025-04-04T10:00:00Z') },
    subject: 'Nulstil din adgangskode til Klausul',
    links: ['https://klausul.odense.dk/reset-password/abc_DEF-123', 'https://klausul.odense.dk/forgot-password'],
  },
  'channel-test': {
    data: { channelName: HOSTILE, municipalityName: 'Odense Kommune', sentBy: 'Mette Hansen' },
    subject: `Test fra Klausul: ${HOSTILE}`,
    links: ['https://klausul.odense.dk/jobcenter'],
  },
};

describe('the e-mail template catalogue', () => {
  it('has a test case for every template', () => {
    expect(Object.keys(cases).sort()).toEqual([...EMAIL_TEMPLATE_NAMES].sort());
  });

  describe.each(EMAIL_TEMPLATE_NAMES)('%s', (name) => {
    const c = cases[name];
    const mail = renderEmail(name, c.data as never, links);

    it('has its Danish subject', () => {
      expect(mail.subject).toBe(c.subject);
    });

    it('carries every link in the text part and as a real <a> in the HTML part', () => {
      for (const link of c.links) {
        expect(mail.text).toContain(link);
        expect(mail.html).toMatch(new RegExp(`<a href="${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>[^<]+</a>`));
      }
      const hrefs = [...mail.html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
      expect(hrefs.sort()).toEqual([...c.links].sort());
      expect(mail.text.match(/https?:\/\/\S+/g)?.sort()).toEqual([...c.links].sort());
    });

    it('is an HTML document in Danish with a title', () => {
      expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
      expect(mail.html).toContain('<title>');
      expect(mail.html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    });

    it('escapes what people typed in the HTML part and keeps it as text in the text part', () => {
      expect(mail.html).not.toContain('<script');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).not.toMatch(/"\s*onerror=/);
      const typed = JSON.stringify(c.data);
      if (typed.includes('<script>')) {
        expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(mail.text).toContain(SCRIPT);
      }
      if (typed.includes('onerror')) expect(mail.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    });
  });

  it('writes Danish dates, hours and plurals', () => {
    const job = renderEmail('job-description', cases['job-description'].data, links);
    expect(job.text).toContain('Timer pr. uge: 10,5');
    expect(job.text).toContain('Tiltrædelse: 1. marts 2025');
    expect(job.text).toContain('Vagter: delt vagt (morgen og eftermiddag)');
    expect(job.text).toContain('Antal stillinger: 16');
    expect(job.text).toContain('Krav: -');
    const reminder = renderEmail('candidates-reminder', cases['candidates-reminder'].data, links);
    expect(reminder.text).toContain('1 kandidat til 3 stillinger');
    const late = renderEmail('review-run-late', cases['review-run-late'].data, links);
    expect(late.text).toContain('skulle være startet 1. april 2025 kl. 08.00');
    expect(late.text).toContain('2 opfølgninger er oprettet');
  });

  it('names the role and supplier of an invitation and when the link expires', () => {
    const mail = renderEmail('invitation', { ...cases.invitation.data, supplierName: 'Fynsk Rutekørsel A/S' }, links);
    expect(mail.text).toContain('Mette Hansen fra Odense Kommune har oprettet en konto til dig i Klausul som HR-kontakt hos leverandøren for Fynsk Rutekørsel A/S');
    expect(mail.text).toContain('udløber 4. april 2025 kl. 12.00');
  });

  it('keeps a subject on one line whatever the data holds', () => {
    const mail = renderEmail('shortlist', { jobOrderId: ID, title: 'Chauffør\r\nBcc: alle@example.dk', shortlisted: 2 }, links);
    expect(mail.subject).toBe('2 kandidater til "Chauffør Bcc: alle@example.dk"');
  });
});
