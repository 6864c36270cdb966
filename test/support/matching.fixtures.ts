import { textPdf } from '../files/document-fixtures';
/** A minimal real PDF with one line of text: the upload validator accepts it by its bytes and reads its text. */
export function pdfBytes(label: string): Buffer {
  return textPdf([[`CV ${label}`]]);
}

export const cvOf = (label: string) => ({ fileName: `cv-${label}.pdf`, contentBase64: pdfBytes(label).toString('base64') });

export const jobOrderBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Chauffør til visiteret kørsel',
  tasks: 'Morgen- og eftermiddagsruter med borgere til skole og dagtilbud',
  weeklyHours: 10,
  shiftPattern: 'split',
  workplaceAddress: 'Rugårdsvej 210, 5210 Odense NV',
  startDate: '2025-03-01',
  positions: 16,
  requirements: 'Kørekort B; D1 kan tages i jobbet',
  learningOnTheJob: 'Kørekort D1 og førstehjælp',
  interviewContact: 'Driftschef, tlf. 63 12 34 56',
  ...overrides,
});

export const candidateBody = (i: number, overrides: Record<string, unknown> = {}) => ({
  name: `Kandidat ${i}`,
  email: `kandidat${i}@example.dk`,
  cv: cvOf(String(i)),
  applicationText: 'Jeg vil gerne køre morgenruterne.',
  targetGroup: 'flexjob',
  availableWeeklyHours: 12,
  preferredShifts: ['split'],
  consentGivenOn: '2025-02-01',
  consentScope: 'CV må videregives til leverandøren med henblik på ansættelse',
  ...overrides,
});
