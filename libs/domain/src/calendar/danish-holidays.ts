import { type LocalDate, localDate, plusDays } from './local-date';

export interface Holiday {
  date: LocalDate;
  /** The Danish name, as on a calendar. */
  name: string;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError('year must be a whole number between 1583 and 9999');
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return localDate(year, month, day);
}

/** The last year Store bededag was a public holiday; the Folketing abolished it from 2024. */
export const LAST_GREAT_PRAYER_DAY_YEAR = 2023;

/**
 * Denmark's official public holidays (helligdage) of a year, in date order. Days many
 * offices close without being holidays (Grundlovsdag, 24 and 31 December) are not listed
 * here; see `closedDays`.
 */
export function danishPublicHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number, name: string): Holiday => ({ date: plusDays(easter, days), name });
  return [
    { date: localDate(year, 1, 1), name: 'Nytårsdag' },
    fromEaster(-3, 'Skærtorsdag'),
    fromEaster(-2, 'Langfredag'),
    fromEaster(0, 'Påskedag'),
    fromEaster(1, '2. påskedag'),
    // The fourth Friday after Easter.
    ...(year <= LAST_GREAT_PRAYER_DAY_YEAR ? [fromEaster(26, 'Store bededag')] : []),
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, 'Pinsedag'),
    fromEaster(50, '2. pinsedag'),
    { date: localDate(year, 12, 25), name: 'Juledag' },
    { date: localDate(year, 12, 26), name: '2. juledag' },
  ];
}

/**
 * Which of the days many Danish public offices close, though they are not public
 * holidays, count as closed. Every option defaults to true: by default Grundlovsdag
 * (5 June), juleaftensdag (24 December) and nytårsaftensdag (31 December) are not
 * working days, as in most municipalities' own calendars.
 */
export interface ClosedDayOptions {
  constitutionDay?: boolean;
  christmasEve?: boolean;
  newYearsEve?: boolean;
}

/** Public holidays plus the closed days the options select, in date order. */
export function closedDays(year: number, options: ClosedDayOptions = {}): Holiday[] {
  const extra: Holiday[] = [
    ...(options.constitutionDay ?? true ? [{ date: localDate(year, 6, 5), name: 'Grundlovsdag' }] : []),
    ...(options.christmasEve ?? true ? [{ date: localDate(year, 12, 24), name: 'Juleaftensdag' }] : []),
    ...(options.newYearsEve ?? true ? [{ date: localDate(year, 12, 31), name: 'Nytårsaftensdag' }] : []),
  ];
  return [...danishPublicHolidays(year), ...extra].sort((a, b) => a.date.localeCompare(b.date));
}
