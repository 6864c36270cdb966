/** A minimal real PDF: the upload validator accepts it by its bytes. */
export function pdfBytes(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% CV ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
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
