import { addWorkingDays, copenhagenDateOf, type LocalDate } from '@klausul/domain';

/** Working days the jobcenter has to propose candidates unless the municipality set another number. */
export const DEFAULT_CANDIDATE_WORKING_DAYS = 10;
/** The reminder goes this many working days before the deadline. */
export const REMINDER_WORKING_DAYS_BEFORE = 2;

/** The instant a Copenhagen wall-clock time on a date falls on (DST included). */
export function copenhagenInstant(date: LocalDate, hour: number): Date {
  const guess = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(guess);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess.getTime() - (wallClock - guess.getTime()));
}

/**
 * When the candidates are due after a forward at `now`, when the jobcenter is reminded
 * (08:00, two working days before) and when the unit is alerted if too few came (16:00
 * on the day). Working days skip weekends and Danish public holidays.
 */
export function candidateDeadlines(now: Date, workingDays = DEFAULT_CANDIDATE_WORKING_DAYS) {
  const dueOn = addWorkingDays(copenhagenDateOf(now), workingDays);
  return {
    dueOn,
    remindAt: copenhagenInstant(addWorkingDays(dueOn, -REMINDER_WORKING_DAYS_BEFORE), 8),
    deadlineAt: copenhagenInstant(dueOn, 16),
  };
}
