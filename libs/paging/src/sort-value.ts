import type { SortColumns } from './sort';

type SortType = SortColumns[string]['type'];

const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

/** Whether year, month and day name a day of the calendar (Date would roll 2025-02-30 over into March). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date as PostgreSQL prints it (`2025-03-01`), or the infinity a COALESCE'd sort column puts in. */
function isDateValue(value: string): boolean {
  if (value === 'infinity' || value === '-infinity') return true;
  const match = /^(\d{4,5})-(\d{2})-(\d{2})$/.exec(value);
  return !!match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * An instant as PostgreSQL prints a timestamptz (`2025-03-01 09:15:00.123456+00`, offset `+05:30`
 * elsewhere). Checked field by field: Date.parse takes `1` or 2025-02-30, which PostgreSQL refuses.
 */
function isTimestampValue(value: string): boolean {
  if (value === 'infinity' || value === '-infinity') return true;
  const match = /^(\d{4,5})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, offsetHours, offsetMinutes = '00', offsetSeconds = '00'] = match;
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (Number(offsetHours) > 15 || Number(offsetMinutes) > 59 || Number(offsetSeconds) > 59) return false;
  return true;
}

/**
 * Whether a cursor's sort value is one PostgreSQL reads as the column's type: the cursor is
 * the client's to send, and a value the cast refuses would fail the query instead of being
 * refused as a bad cursor.
 */
export function isSortValue(type: SortType, value: string): boolean {
  switch (type) {
    case 'integer':
      return /^-?\d{1,10}$/.test(value) && Number(value) >= INT4_MIN && Number(value) <= INT4_MAX;
    case 'numeric':
      return /^-?(\d{1,100}(\.\d{0,100})?|\.\d{1,100})$/.test(value);
    case 'date':
      return isDateValue(value);
    case 'timestamptz':
      return isTimestampValue(value);
    case 'text':
      // PostgreSQL's text cannot hold NUL; any other string compares.
      return !value.includes('\u0000');
  }
}
