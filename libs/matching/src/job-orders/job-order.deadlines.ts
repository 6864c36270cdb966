import { addWorkingDays, copenhagenDateOf, copenhagenInstant } from '@klausul/domain';

/** Working days the jobcenter has to propose candidates unless the municipality set another number. */
export const DEFAULT_CANDIDATE_WORKING_DAYS = 10;
/** The reminder goes this many working days before the deadline. */
export const REMINDER_WORKING_DAYS_BEFORE = 2;

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
