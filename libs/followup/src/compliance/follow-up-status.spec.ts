import { clauseStatus, retention, worstStatus } from './follow-up-status';

const deadlines = { firstHireDeadline: '2025-07-01', fullFulfilmentDeadline: '2026-01-01' };
const result = (met: boolean, hires: number) => ({ met, hires: { actual: hires, required: 13, ratio: hires / 13, met } });

describe('clauseStatus', () => {
  it('is on track when met, at risk before the deadlines, breached after', () => {
    expect(clauseStatus(result(true, 16), deadlines, '2025-03-31')).toBe('on_track');
    expect(clauseStatus(result(false, 5), deadlines, '2025-12-31')).toBe('at_risk');
    expect(clauseStatus(result(false, 12), deadlines, '2026-01-01')).toBe('breached');
    expect(clauseStatus(result(false, 0), deadlines, '2025-07-01')).toBe('breached');
    expect(worstStatus(['on_track', 'at_risk'])).toBe('at_risk');
  });
});

describe('retention', () => {
  it('counts placements continuously employed through each checkpoint that has been reached', () => {
    const points = retention(
      [
        { startDate: '2025-03-01', endDate: null },
        { startDate: '2025-03-01', endDate: '2025-06-15' },
        { startDate: '2025-03-01', endDate: '2025-05-31' },
        { startDate: '2025-10-01', endDate: null },
      ],
      '2026-03-01',
    );
    expect(points).toEqual([
      { months: 3, eligible: 4, retained: 3, rate: 0.75 },
      { months: 6, eligible: 3, retained: 1, rate: 1 / 3 },
      { months: 12, eligible: 3, retained: 1, rate: 1 / 3 },
    ]);
  });
});
