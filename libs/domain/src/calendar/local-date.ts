/**
 * A calendar date as `YYYY-MM-DD`. Deadlines in working days are dates, not instants:
 * arithmetic runs in UTC so that a date never shifts with the server's time zone, and an
 * instant becomes a date in Danish time (Europe/Copenhagen).
 */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; a RangeError for anything that is not a real date. */
export function epochDayOf(date: LocalDate): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const utc = new Date(Date.UTC(y, m - 1, d));
    if (utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d) {
      return Math.round(utc.getTime() / DAY_MS);
    }
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(date)}`);
}

export function localDateOfEpochDay(epochDay: number): LocalDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days later (earlier when negative). */
export function plusDays(date: LocalDate, days: number): LocalDate {
  return localDateOfEpochDay(epochDayOf(date) + days);
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return localDateOfEpochDay(Math.round(Date.UTC(year, month - 1, day) / DAY_MS));
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(epochDayOf(date) * DAY_MS).getUTCDay();
}

const copenhagen = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date an instant falls on in Denmark (Europe/Copenhagen, summer time included). */
export function copenhagenDateOf(instant: Date): LocalDate {
  const parts = Object.fromEntries(copenhagen.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const copenhagenWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant a Copenhagen wall-clock hour on a date falls on (summer time included). */
export function copenhagenInstant(date: LocalDate, hour: number): Date {
  const guess = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const parts = copenhagenWallClock.formatToParts(guess);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess.getTime() - (wallClock - guess.getTime()));
}
