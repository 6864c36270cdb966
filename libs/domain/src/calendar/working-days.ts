import { closedDays, type ClosedDayOptions } from './danish-holidays';
import { epochDayOf, type LocalDate, localDateOfEpochDay } from './local-date';

const DAY_MS = 86_400_000;

/**
 * Danish working days: Monday to Friday, except public holidays and, by default, the days
 * most offices close (Grundlovsdag, 24 and 31 December; see ClosedDayOptions). Deadlines
 * such as Copenhagen's clause control ("documentation within 5 working days") count these.
 */
export type WorkingDayOptions = ClosedDayOptions;

const closedByYear = new Map<string, Set<number>>();

function closedEpochDays(year: number, options: WorkingDayOptions): Set<number> {
  const key = `${year}|${options.constitutionDay ?? true}|${options.christmasEve ?? true}|${options.newYearsEve ?? true}`;
  let days = closedByYear.get(key);
  if (!days) {
    days = new Set(closedDays(year, options).map((holiday) => epochDayOf(holiday.date)));
    closedByYear.set(key, days);
  }
  return days;
}

function isWorkingEpochDay(epochDay: number, options: WorkingDayOptions): boolean {
  // 1970-01-01 was a Thursday (4); 0 = Sunday ... 6 = Saturday.
  const weekday = (((epochDay + 4) % 7) + 7) % 7;
  if (weekday === 0 || weekday === 6) return false;
  return !closedEpochDays(new Date(epochDay * DAY_MS).getUTCFullYear(), options).has(epochDay);
}

export function isWorkingDay(date: LocalDate, options: WorkingDayOptions = {}): boolean {
  return isWorkingEpochDay(epochDayOf(date), options);
}

/**
 * The `n`th working day after `date` (before it when `n` is negative); `date` itself does
 * not count, whether or not it is a working day. `n = 0` returns `date` unchanged. So a
 * deadline "within 5 working days" of a request received on `d` is `addWorkingDays(d, 5)`.
 */
export function addWorkingDays(date: LocalDate, n: number, options: WorkingDayOptions = {}): LocalDate {
  if (!Number.isSafeInteger(n)) throw new RangeError('n must be a whole number of working days');
  let day = epochDayOf(date);
  const step = Math.sign(n);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingEpochDay(day, options)) left--;
  }
  return localDateOfEpochDay(day);
}

/**
 * Working days from `from` to `to`: those after `from` up to and including `to`, negative
 * (those from `to` up to but excluding `from`) when `to` is earlier. The inverse of
 * addWorkingDays: `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, options: WorkingDayOptions = {}): number {
  const start = epochDayOf(from);
  const end = epochDayOf(to);
  const [low, high, sign] = end >= start ? [start + 1, end, 1] : [end, start - 1, -1];
  let count = 0;
  for (let day = low; day <= high; day++) if (isWorkingEpochDay(day, options)) count++;
  return count === 0 ? 0 : sign * count;
}
