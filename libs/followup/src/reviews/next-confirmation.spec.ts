import { upcomingConfirmation, type UpcomingInput } from './next-confirmation';

const base: UpcomingInput = {
  today: '2026-03-10',
  latestPeriod: '2026-02',
  contractStart: '2025-01-01',
  contractEnd: '2028-12-31',
  runWorkingDay: 1,
  deadlineWorkingDays: 5,
};

describe('upcomingConfirmation', () => {
  it('is the month after the latest reviewed, requested on the next month\'s run day and due working days later', () => {
    // 1 April 2026 is a Wednesday; Maundy Thursday, Good Friday and Easter Monday are not working days.
    expect(upcomingConfirmation(base)).toEqual({ period: '2026-03', requestOn: '2026-04-01', dueOn: '2026-04-13' });
  });

  it("reviews last month first when the contract has no review yet, on this month's run day", () => {
    // 1 March 2026 is a Sunday: the first working day is Monday the 2nd.
    expect(upcomingConfirmation({ ...base, today: '2026-03-01', latestPeriod: null })).toMatchObject({ period: '2026-02', requestOn: '2026-03-02' });
  });

  it('shows a request whose run day has passed as coming today', () => {
    expect(upcomingConfirmation({ ...base, latestPeriod: '2025-12' })).toMatchObject({ period: '2026-02', requestOn: '2026-03-10' });
  });

  it("follows the municipality's run day", () => {
    // The third working day of April 2026: the 1st, then the 7th and 8th (Easter).
    expect(upcomingConfirmation({ ...base, runWorkingDay: 3 })).toMatchObject({ requestOn: '2026-04-08' });
  });

  it('starts with the first month of a contract that has not started', () => {
    expect(upcomingConfirmation({ ...base, latestPeriod: null, contractStart: '2026-06-15' })).toMatchObject({ period: '2026-06', requestOn: '2026-07-01' });
  });

  it('is none once the contract ended before the next month to review', () => {
    expect(upcomingConfirmation({ ...base, latestPeriod: '2026-01', contractEnd: '2026-01-31' })).toBeNull();
  });
});
