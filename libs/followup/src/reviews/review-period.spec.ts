import { addPeriods, firstWorkingDayOf, isPeriod, periodBounds, periodToReview, reviewSchedule } from './review-period';

describe('review periods', () => {
  it('accepts only real months', () => {
    expect(isPeriod('2025-03')).toBe(true);
    expect(isPeriod('2025-13')).toBe(false);
    expect(isPeriod('2025-3')).toBe(false);
    expect(isPeriod('1999-12')).toBe(false);
    expect(isPeriod(202503)).toBe(false);
  });

  it('knows the bounds of a month and moves between months', () => {
    expect(periodBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(addPeriods('2025-12', 1)).toBe('2026-01');
    expect(addPeriods('2025-01', -1)).toBe('2024-12');
  });

  it('finds the first working day of a month (weekends and holidays skipped)', () => {
    expect(firstWorkingDayOf('2025-03')).toBe('2025-03-03'); // 1 March 2025 is a Saturday
    expect(firstWorkingDayOf('2026-01')).toBe('2026-01-02'); // New Year's Day
    expect(firstWorkingDayOf('2025-04')).toBe('2025-04-01');
  });

  it('reviews the month just ended, in Copenhagen time', () => {
    expect(periodToReview(new Date('2025-03-31T22:30:00Z'))).toBe('2025-03'); // already 1 April in Copenhagen
    expect(periodToReview(new Date('2025-04-01T06:00:00Z'))).toBe('2025-03');
  });

  it('schedules reminder, deadline and escalation in working days', () => {
    const s = reviewSchedule(new Date('2025-04-01T06:00:00Z'), { reminderWorkingDays: 3, deadlineWorkingDays: 5, escalationWorkingDays: 5 });
    expect(s.dueOn).toBe('2025-04-08');
    expect(s.remindAt.toISOString()).toBe('2025-04-04T06:00:00.000Z');
    expect(s.deadlineAt.toISOString()).toBe('2025-04-08T14:00:00.000Z');
    expect(s.escalateAt.toISOString()).toBe('2025-04-15T14:00:00.000Z');
  });
});
