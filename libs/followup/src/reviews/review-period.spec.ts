import { addPeriods, escalatedDueOnOrBefore, firstWorkingDayOf, isPeriod, periodBounds, periodToReview, reviewSchedule, runCalendar, workingDaysOf } from './review-period';

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

  it('lists the working days a municipality may run on (weekends and holidays skipped)', () => {
    expect(workingDaysOf('2025-04', 10)).toEqual([
      '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-04-08', '2025-04-09', '2025-04-10', '2025-04-11', '2025-04-14',
    ]);
    expect(workingDaysOf('2026-01', 2)).toEqual(['2026-01-02', '2026-01-05']);
  });

  it("#12.9: a tick owes this month's run (last month) or, caught up, last month's (the month before), on any of 10 working days", () => {
    const days = runCalendar(new Date('2025-05-05T08:00:00Z'));
    expect(days).toHaveLength(20);
    expect(days.filter((d) => d.period === '2025-03').map((d) => d.date)[0]).toBe('2025-04-01');
    expect(days.filter((d) => d.period === '2025-04').map((d) => [d.workingDay, d.date]).slice(0, 3)).toEqual([[1, '2025-05-01'], [2, '2025-05-02'], [3, '2025-05-05']]);
    // Late on the last day of a month in UTC is already the next month in Copenhagen.
    expect(new Set(runCalendar(new Date('2025-05-31T22:30:00Z')).map((d) => d.period))).toEqual(new Set(['2025-04', '2025-05']));
  });

  describe('escalatedDueOnOrBefore: the due day on or before which an overdue review is escalated now', () => {
    const HOUR = 3_600_000;

    it('turns at 16:00 Copenhagen on the fifth working day after the due day', () => {
      // Due Monday 3 March 2025; five working days later is Monday 10 March (CET: 16:00 is 15:00Z).
      expect(escalatedDueOnOrBefore(new Date('2025-03-10T14:59:59Z'), 5) < '2025-03-03').toBe(true);
      expect(escalatedDueOnOrBefore(new Date('2025-03-10T15:00:00Z'), 5)).toBe('2025-03-03');
    });

    it('skips weekends and public holidays (Easter 2025)', () => {
      // Due Friday 11 April: the working days after it are 14, 15, 16, 22 and 23 April (17, 18 and 21 are holidays); CEST: 16:00 is 14:00Z.
      expect(escalatedDueOnOrBefore(new Date('2025-04-22T20:00:00Z'), 5) < '2025-04-11').toBe(true);
      expect(escalatedDueOnOrBefore(new Date('2025-04-23T14:00:00Z'), 5) >= '2025-04-11').toBe(true);
      // Friday 4 April is escalated on Friday 11 April, Monday 7 April not yet (the weekend between counts as Friday).
      const cutoff = escalatedDueOnOrBefore(new Date('2025-04-11T14:00:00Z'), 5);
      expect([cutoff >= '2025-04-04', cutoff < '2025-04-07']).toEqual([true, true]);
    });

    it('agrees with the escalation instant reviewSchedule plans for every run day of a year', () => {
      const intervals = { reminderWorkingDays: 3, deadlineWorkingDays: 5, escalationWorkingDays: 5 };
      for (let day = Date.parse('2025-01-02T06:00:00Z'); day < Date.parse('2026-01-01T06:00:00Z'); day += 24 * HOUR) {
        const { dueOn, escalateAt } = reviewSchedule(new Date(day), intervals);
        expect({ dueOn, before: escalatedDueOnOrBefore(new Date(escalateAt.getTime() - 1), 5) >= dueOn }).toEqual({ dueOn, before: false });
        expect({ dueOn, at: escalatedDueOnOrBefore(escalateAt, 5) >= dueOn }).toEqual({ dueOn, at: true });
      }
    });

    it('never moves back as time passes', () => {
      let previous = '';
      for (let t = Date.parse('2025-03-25T00:00:00Z'); t < Date.parse('2025-05-10T00:00:00Z'); t += 3 * HOUR) {
        const cutoff = escalatedDueOnOrBefore(new Date(t), 5);
        expect(cutoff >= previous).toBe(true);
        previous = cutoff;
      }
    });
  });
});
