import { addWorkingDays, copenhagenDateOf, type LocalDate, plusDays, copenhagenInstant } from '@klausul/domain';

/** A review period: one calendar month, `YYYY-MM`. */
export type Period = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: unknown): value is Period {
  const match = typeof value === 'string' ? PERIOD.exec(value) : null;
  return match !== null && Number(match[1]) >= 2000 && Number(match[1]) <= 2100;
}

/** The first and last day of the month. */
export function periodBounds(period: Period): { first: LocalDate; last: LocalDate } {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first: `${period}-01`, last };
}

export function addPeriods(period: Period, months: number): Period {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

export function periodOf(date: LocalDate): Period {
  return date.slice(0, 7);
}

/** Periods from `from` to `to`, both included. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const list: Period[] = [];
  for (let p = from; p <= to && list.length < 1200; p = addPeriods(p, 1)) list.push(p);
  return list;
}

/** The first day of the month that is a Danish working day (no weekend, no public holiday). */
export function firstWorkingDayOf(period: Period): LocalDate {
  return addWorkingDays(plusDays(periodBounds(period).first, -1), 1);
}

/** The month's first `count` Danish working days, in order: the days a municipality may choose for its monthly run. */
export function workingDaysOf(period: Period, count: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = firstWorkingDayOf(period); days.length < count; day = addWorkingDays(day, 1)) days.push(day);
  return days;
}

/** A day a municipality's monthly run may be set to: the period that run reviews, and the date of that working day. */
export interface RunCalendarDay {
  period: Period;
  workingDay: number;
  date: LocalDate;
}

/** How late in the month a municipality may set its run (working days). */
export const MAX_REVIEW_RUN_WORKING_DAY = 10;

/**
 * The runs a scheduler tick at `now` may owe: this month's, reviewing last month, and last
 * month's, reviewing the month before (owed only if it never ran: a catch-up), each on every
 * working day a municipality may choose.
 */
export function runCalendar(now: Date): RunCalendarDay[] {
  const thisMonth = periodOf(copenhagenDateOf(now));
  return [addPeriods(thisMonth, -1), thisMonth].flatMap((runMonth) =>
    workingDaysOf(runMonth, MAX_REVIEW_RUN_WORKING_DAY).map((date, i) => ({ period: addPeriods(runMonth, -1), workingDay: i + 1, date })),
  );
}

/**
 * The period a run started at `now` reviews: the month just ended (in Copenhagen), so the
 * supplier confirms who was employed through all of it.
 */
export function periodToReview(now: Date): Period {
  return addPeriods(periodOf(copenhagenDateOf(now)), -1);
}

export interface ReviewIntervals {
  reminderWorkingDays: number;
  deadlineWorkingDays: number;
  escalationWorkingDays: number;
}

/**
 * When a review started at `now` is due, when the supplier is reminded (08:00), when it
 * turns overdue (16:00 on the due day) and when it is escalated to the admins (16:00,
 * a second interval later). All in Danish working days.
 */
export function reviewSchedule(now: Date, intervals: ReviewIntervals) {
  const today = copenhagenDateOf(now);
  const dueOn = addWorkingDays(today, intervals.deadlineWorkingDays);
  return {
    dueOn,
    remindAt: copenhagenInstant(addWorkingDays(today, intervals.reminderWorkingDays), 8),
    deadlineAt: copenhagenInstant(dueOn, 16),
    escalateAt: copenhagenInstant(addWorkingDays(dueOn, intervals.escalationWorkingDays), 16),
  };
}

/**
 * The latest due day whose reviews are escalated at `now`: a review still overdue is
 * escalated once 16:00 of the `escalationWorkingDays`-th working day after its due day has
 * passed (as EscalateReviewHandler is scheduled). Monotonic in the due day, so "escalated"
 * is `state = 'overdue' AND due_on <= cutoff`.
 */
export function escalatedDueOnOrBefore(now: Date, escalationWorkingDays: number): LocalDate {
  let day = copenhagenDateOf(now);
  // Escalation is at most a few weeks after the due day (holidays included); 60 days back is plenty.
  for (let i = 0; i < 60; i += 1, day = plusDays(day, -1)) {
    if (copenhagenInstant(addWorkingDays(day, escalationWorkingDays), 16).getTime() <= now.getTime()) return day;
  }
  return day;
}
