import type { MeetingPack } from '@klausul/followup';

/** A month of the reference case for the writers' specs: one contract with two employees, one without. */
export function referencePack(): MeetingPack {
  return {
    period: '2025-03',
    at: '2025-03-31',
    contracts: [
      {
        contractId: 'c1', reviewId: 'r1', tender: 'Visiteret rutekørsel', supplier: 'Fynsk Rutekørsel A/S', cvr: '12345678', lots: [1, 2, 3, 4],
        hires: { actual: 16, required: 13 }, weeklyHours: { actual: 186.5, required: 130 }, status: 'on_track', reviewState: 'submitted', dueOn: '2025-04-08',
      },
      {
        contractId: 'c2', reviewId: 'r2', tender: 'Visiteret rutekørsel', supplier: '=HYPERLINK("x");Taxa', cvr: '87654321', lots: [5],
        hires: { actual: 0, required: 13 }, weeklyHours: null, status: 'breached', reviewState: 'escalated', dueOn: '2025-04-08',
      },
    ],
    employees: [
      { contractId: 'c1', name: 'Anna Jensen', jobTitle: 'Chauffør', partner: 'FlexVirk', startDate: '2025-02-03', weeklyHours: 12.5, stillEmployed: true, endDate: null, endReason: null, note: 'Kører "morgen"\nog aften' },
      { contractId: 'c1', name: 'Bo Hansen', jobTitle: 'Chauffør', partner: null, startDate: '2025-02-10', weeklyHours: 10, stillEmployed: false, endDate: '2025-03-20', endReason: 'education', note: null },
    ],
  };
}
