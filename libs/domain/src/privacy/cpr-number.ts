import { InvalidInputError } from '../domain-errors';

/** Where a value that looks like a CPR number (personnummer) sits in a text (UTF-16 offsets of the original text). */
export interface CprNumberMatch {
  index: number;
  length: number;
}

/**
 * The text as the matcher reads it: format characters (zero-width spaces, joiners, soft
 * hyphens: Unicode Cf) removed, each character in NFKC (fullwidth digits, non-breaking
 * spaces and U+2011 become their plain forms) and every decimal digit of any script as an
 * ASCII digit. `from`/`to` map each UTF-16 unit back to the original text.
 */
interface ReadableText {
  text: string;
  /** Absent when the text needed no change (plain ASCII): offsets are then the same. */
  from?: number[];
  to?: number[];
}

const FORMAT_CHARACTER = /\p{Cf}/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
const PLAIN_ASCII = /^[\x20-\x7e\t\n\r]*$/;

/** Unicode lays out every script's decimal digits as a run of 0-9, so a digit's value is its distance from the run's start. */
function digitValue(codePoint: number): number {
  let start = codePoint;
  while (codePoint - start < 100 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

function readable(text: string): ReadableText {
  if (PLAIN_ASCII.test(text)) return { text };
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!;
    const character = String.fromCodePoint(codePoint);
    const end = i + character.length;
    if (!FORMAT_CHARACTER.test(character)) {
      const normal = codePoint < 0x80 ? character : character.normalize('NFKC');
      for (const part of normal) {
        const mapped = part.length === 1 && part >= '0' && part <= '9' ? part : DECIMAL_DIGIT.test(part) ? String(digitValue(part.codePointAt(0)!)) : part;
        for (let unit = 0; unit < mapped.length; unit++) {
          from.push(i);
          to.push(end);
        }
        out += mapped;
      }
    }
    i = end;
  }
  return { text: out, from, to };
}

/** Dashes of every kind (hyphen-minus, U+2010, en and em dash... and the minus sign), dots and slashes. */
const PUNCTUATION_SEPARATOR = /[\p{Pd}\u2212./\u2044\u2215\u00b7]/u;
const SPACE = /[\p{Zs}\t]/u;

/** How two groups of digits are joined: `tight` by one punctuation mark (010190-1234), `loose` by a space (with or without a dash). */
type Join = 'tight' | 'loose' | null;

function joinOf(gap: string): Join {
  if (gap.length === 1 && PUNCTUATION_SEPARATOR.test(gap)) return 'tight';
  let spaces = 0;
  let punctuation = 0;
  for (const character of gap) {
    if (SPACE.test(character)) spaces++;
    else if (PUNCTUATION_SEPARATOR.test(character)) punctuation++;
    else return null;
  }
  return spaces >= 1 && spaces <= 4 && punctuation <= 1 ? 'loose' : null;
}

interface DigitGroup {
  start: number;
  end: number;
  digits: string;
  /** How this group joins the previous one of its run (null for a run's first group). */
  join: Join;
}

/** Runs of digit groups joined by separators: `01.01.90-1234`, `01 01 90 12 34`, `nr. 5 010190 1234`. */
function digitRuns(text: string): DigitGroup[][] {
  const runs: DigitGroup[][] = [];
  let run: DigitGroup[] = [];
  for (const match of text.matchAll(/[0-9]+/g)) {
    const previous = run.at(-1);
    const join = previous ? joinOf(text.slice(previous.end, match.index)) : null;
    if (previous && join === null) {
      runs.push(run);
      run = [];
    }
    run.push({ start: match.index, end: match.index + match[0].length, digits: match[0], join: run.length ? join : null });
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Days in a month; 29 for February, as a two-digit year does not say whether it was a leap year. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isPlausibleBirthDate(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

/**
 * Whether the window may be read on its own, apart from its neighbours in the run: never
 * when glued by one punctuation mark (2024-0101901234 is an order number), and not between
 * two pairs of digits joined by a space (that is one spaced phone number, 12 34 56 78).
 */
function standsApart(left: DigitGroup | undefined, right: DigitGroup | undefined): boolean {
  if (!left || !right) return true;
  return right.join === 'loose' && !(left.digits.length === 2 && right.digits.length === 2);
}

/** A UUID anywhere in a text (an id, or one inside a link). */
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The text with every UUID blanked to spaces of the same length (positions stay): about one
 * random UUID in 1,500 holds ten digits split in pairs by its dashes, e.g. `1703-4152-87`
 * in cf7aff3a-1703-4152-87b6-…, and an id must never be refused as a CPR number.
 */
function withoutUuids(text: string): string {
  return text.replace(UUID_IN_TEXT, (uuid) => ' '.repeat(uuid.length));
}

/**
 * Values in `text` that look like a Danish CPR number: ten digits starting with a
 * plausible birth date (ddmmyy), written together or split in pairs, as ddmmyy and xxxx,
 * or as dd mm yy xxxx, by any dash, dot, slash or space, in any script's digits, with
 * zero-width characters anywhere. No modulus-11 check: numbers issued since 2007 need not
 * pass it, and a false alarm is cheaper than a stored CPR number.
 */
export function findCprNumbers(text: string): CprNumberMatch[] {
  const source = readable(withoutUuids(text));
  const matches: CprNumberMatch[] = [];
  for (const run of digitRuns(source.text)) {
    for (let first = 0; first < run.length; first++) {
      let digits = '';
      for (let last = first; last < run.length && digits.length < 10; last++) {
        digits += run[last].digits;
        // A separator may only split the ten digits into pairs: dd mm yy xx xx.
        if (digits.length % 2 === 1 && digits.length < 10) break;
        if (digits.length !== 10) continue;
        if (standsApart(run[first - 1], run[first]) && standsApart(run[last], run[last + 1])
          && isPlausibleBirthDate(Number(digits.slice(0, 2)), Number(digits.slice(2, 4)))) {
          const index = source.from?.[run[first].start] ?? run[first].start;
          matches.push({ index, length: (source.to?.[run[last].end - 1] ?? run[last].end) - index });
        }
      }
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
    if (match.index < from) continue;
    result += text.slice(from, match.index) + replacement;
    from = match.index + match.length;
  }
  return result + text.slice(from);
}

/** The one sentence every CPR refusal ends with, whether the number was in a field or in a file. */
export const CPR_NUMBER_REFUSAL = 'Klausul never stores CPR numbers: they stay with the jobcenter. Remove it and try again.';

/** Why a value was refused: `where` names the field(s), page or paragraph; the number itself is never repeated. */
export function cprNumberRefusal(where: string, plural = false): string {
  return `${where} ${plural ? 'seem' : 'seems'} to contain a CPR number (personnummer). ${CPR_NUMBER_REFUSAL}`;
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
  throw new InvalidInputError(cprNumberRefusal(offending.join(', '), offending.length > 1), { fields: offending });
}
