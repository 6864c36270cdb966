import { type CalendarDate, copenhagenDateOf } from '@klausul/domain';

/** PostgreSQL numeric arrives as a string; null stays null. */
export function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function isoOf(value: unknown): string {
  return new Date(value as string | Date).toISOString();
}

/** Today's date in Denmark, where every municipality and contract is. */
export function danishDateOf(instant: Date): CalendarDate {
  return copenhagenDateOf(instant);
}
