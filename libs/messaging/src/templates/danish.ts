import type { MunicipalityRole } from '@klausul/domain';

// Dates are calendar dates (YYYY-MM-DD): formatted in UTC so no time zone can move them a day.
const DATE = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const INSTANT = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });

/** `2025-03-10` → `10. marts 2025`; anything that is not such a date is shown as it is. */
export function danishDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  return DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant in Copenhagen time, e.g. `1. april 2025 kl. 07.00`. */
export function danishInstant(at: Date): string {
  return INSTANT.format(at);
}

/** `10.5` → `10,5`. */
export function danishNumber(value: number): string {
  return String(value).replace('.', ',');
}

const SHIFTS: Record<string, string> = {
  morning: 'morgen',
  afternoon: 'eftermiddag',
  split: 'delt vagt (morgen og eftermiddag)',
  full_day: 'hel dag',
  flexible: 'fleksibel',
};

export function danishShiftPattern(pattern: string): string {
  return SHIFTS[pattern] ?? pattern;
}

const ROLES: Record<MunicipalityRole, string> = {
  admin: 'administrator',
  procurement_caseworker: 'sagsbehandler i udbud (matchmaking-enheden)',
  employment_caseworker: 'sagsbehandler i beskæftigelse (matchmaking-enheden)',
  jobcenter_contact: 'kontaktperson i jobcentret',
  supplier_hr: 'HR-kontakt hos leverandøren',
};

export function danishRole(role: MunicipalityRole): string {
  return ROLES[role];
}

/** `1 kandidat` / `3 kandidater`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
