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

/** An opaque, URL-safe cursor for the position after which the next page starts. */
export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.value, position.id]), 'utf8').toString('base64url');
}

/** Reads a cursor back; anything that is not one of ours, or was made for another sort, is a 400 naming `cursor`. */
export function decodeCursor(cursor: string, sort: string): PagePosition {
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) throw invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalidCursor();
  const [cursorSort, value, id] = parsed as unknown[];
  if (cursorSort !== sort || typeof value !== 'string' || value.length > 200 || typeof id !== 'string' || !isUuid(id)) throw invalidCursor();
  return { sort, value, id };
}
