import { InvalidInputError, isUuid } from '@klausul/domain';

/** Where a page ended: the sort it was read in, the last row's sort value (as PostgreSQL printed it) and id. */
export interface PagePosition {
  sort: string;
  value: string;
  id: string;
}

const invalidCursor = () =>
  new InvalidInputError('cursor is not a cursor of this list: pass the nextCursor of the previous page unchanged, with the same sort', {
    fields: ['cursor'],
  });

/**
 * An opaque, URL-safe cursor: the name of the list (or of its sort) and the values the next
 * page starts after. A cursor of another list or sort is thereby refused.
 */
export function encodeTupleCursor(list: string, values: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...values]), 'utf8').toString('base64url');
}

/** Reads a cursor back; one of another list, or with a value its check refuses, is a 400 naming `cursor`. */
export function decodeTupleCursor(cursor: string, list: string, checks: readonly ((value: string) => boolean)[]): string[] {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) throw invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== checks.length + 1 || parsed[0] !== list) throw invalidCursor();
  const values = parsed.slice(1) as unknown[];
  if (!values.every((value, i) => typeof value === 'string' && value.length <= 1000 && checks[i](value))) throw invalidCursor();
  return values as string[];
}

/** The cursor of a keyset position. */
export function encodeCursor(position: PagePosition): string {
  return encodeTupleCursor(position.sort, [position.value, position.id]);
}

/** Reads a keyset position back, for the given sort; `isValue` checks the sort value against its column's type. */
export function decodeCursor(cursor: string, sort: string, isValue: (value: string) => boolean): PagePosition {
  const [value, id] = decodeTupleCursor(cursor, sort, [isValue, isUuid]);
  return { sort, value, id };
}
