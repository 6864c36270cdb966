import { isUuid, NotFoundError } from '@klausul/domain';
import type { Language } from '../i18n/i18n';

/** The supplier's pages are for its HR contacts only (the unit has its own workspace). */
export const SUPPLIER_ROLE = 'supplier_hr' as const;

/** An id from the address: anything that cannot be a row id is a page that does not exist (404), never a database error. */
export function idParam(value: string, what: string): string {
  if (!isUuid(value)) throw new NotFoundError(what, value);
  return value;
}

/** A list's `cursor` from the query string (a repeated parameter is not one); the list itself refuses a foreign cursor. */
export function cursorParam(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** One word from a closed list in the query string (a flash message's key), or undefined. */
export function choiceParam<T extends string>(value: unknown, choices: readonly T[]): T | undefined {
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : undefined;
}

const monthFormats: Record<Language, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A review period (`2026-03`) as a person reads it: "marts 2026", "March 2026". */
export function monthText(period: string, lang: Language): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  return match ? monthFormats[lang].format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15))) : period;
}

/** The address of a list's page, keeping the query parameters it needs; `cursor` absent means the first page. */
export function pagePath(path: string, cursor: string | null | undefined): string {
  return cursor ? `${path}?cursor=${encodeURIComponent(cursor)}` : path;
}
