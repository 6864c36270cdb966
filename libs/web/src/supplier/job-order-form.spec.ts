import { jobOrderActions, jobOrderInput, savedDifferences } from './job-order-form';
import { translator } from '../i18n/i18n';

describe("the supplier's job description form", () => {
  it('offers exactly the events the workflow lets supplier HR fire from the state', () => {
    expect(jobOrderActions('draft', 'supplier_hr')).toEqual(['edit', 'submit', 'cancel']);
    expect(jobOrderActions('returned', 'supplier_hr')).toEqual(['edit', 'submit', 'cancel']);
    expect(jobOrderActions('submitted', 'supplier_hr')).toEqual(['cancel']);
    expect(jobOrderActions('shortlist_sent', 'supplier_hr')).toEqual(['close', 'cancel']);
    expect(jobOrderActions('closed', 'supplier_hr')).toEqual([]);
    expect(jobOrderActions('cancelled', 'supplier_hr')).toEqual([]);
    // The unit's events (return, forward) are never the supplier's.
    expect(jobOrderActions('submitted', 'procurement_caseworker')).toEqual(['cancel']);
  });

  it('reads numbers typed the Danish way and leaves empty fields out', () => {
    expect(jobOrderInput({ title: ' Chauffør ', weeklyHours: '18,5', positions: '16', requirements: '  ', tasks: 'Kørsel' })).toEqual({
      title: 'Chauffør',
      weeklyHours: 18.5,
      positions: 16,
      tasks: 'Kørsel',
    });
    expect(jobOrderInput({ weeklyHours: 'ti' })).toEqual({ weeklyHours: 'ti' });
  });

  it('names the saved values that differ from what the person typed', () => {
    const saved = {
      title: 'Chauffør', tasks: 'Kørsel', weeklyHours: 10, shiftPattern: 'split', workplaceAddress: 'Vej 1', startDate: '2026-03-01', positions: 16,
      requirements: '', learningOnTheJob: '', interviewContact: 'Driftschef',
    } as never;
    const typed = { title: 'Chauffør', tasks: 'Kørsel', weeklyHours: '10', shiftPattern: 'morning', workplaceAddress: 'Vej 1', startDate: '2026-03-01', positions: '16', interviewContact: 'Driftschef' };
    expect(savedDifferences(saved, typed, translator('da'))).toEqual([{ label: 'Arbejdstid', value: 'Delt vagt: morgen og eftermiddag' }]);
  });
});
