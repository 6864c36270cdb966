import { InvalidInputError } from '../domain-errors';

/** Where a value that looks like a CPR number (personnummer) sits in a text. */
export interface CprNumberMatch {
  index: number;
  length: number;
}

/**
 * ddmmyy-xxxx or ddmmyyxxxx, not glued to other digits: no digit (and no digit-and-hyphen,
 * as in 12-0101901234) right before, none right after. Spaced phone numbers (12 34 56 78),
 * ISO dates and longer order numbers never have this shape.
 */
const CPR_SHAPE = /(?<!\d)(?<!\d-)(\d{2})(\d{2})(\d{2})-?(\d{4})(?!-?\d)/g;

/** Days in a month; 29 for February, as a two-digit year does not say whether it was a leap year. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isPlausibleBirthDate(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

/**
 * Values in `text` that look like a Danish CPR number: a plausible birth date (ddmmyy)
 * and four digits, with or without a hyphen. No modulus-11 check: numbers issued since
 * 2007 need not pass it, and a false alarm is cheaper than a stored CPR number.
 */
export function findCprNumbers(text: string): CprNumberMatch[] {
  const matches: CprNumberMatch[] = [];
  for (const match of text.matchAll(CPR_SHAPE)) {
    if (isPlausibleBirthDate(Number(match[1]), Number(match[2]))) {
      matches.push({ index: match.index, length: match[0].length });
    }
  }
  return matches;
}

export function containsCprNumber(text: string): boolean {
  return findCprNumbers(text).length > 0;
}

/** The text with every CPR-like value replaced, e.g. for a log line. */
export function redactCprNumbers(text: string, replacement = '[personnummer]'): string {
  let result = '';
  let from = 0;
  for (const match of findCprNumbers(text)) {
    result += text.slice(from, match.index) + replacement;
    from = match.index + match.length;
  }
  return result + text.slice(from);
}

/**
 * Refuses input with something that looks like a CPR number in any field: CPR numbers
 * stay with the jobcenter, and Klausul never stores them. The error names the fields and
 * never repeats the number.
 */
export function assertNoCprNumber(fields: Record<string, string | null | undefined>): void {
  const offending = Object.entries(fields)
    .filter(([, value]) => typeof value === 'string' && containsCprNumber(value))
    .map(([name]) => name);
  if (offending.length === 0) return;
  const list = offending.join(', ');
  throw new InvalidInputError(
    `${list} ${offending.length === 1 ? 'seems' : 'seem'} to contain a CPR number (personnummer). ` +
      'Klausul never stores CPR numbers: they stay with the jobcenter. Remove it and try again.',
    { fields: offending },
  );
}
