import { decodeTupleCursor, encodeTupleCursor } from './cursor';
import type { Page } from './keyset';
import { DEFAULT_PAGE_SIZE } from './page-query.dto';

const MAX_BIGINT = 9223372036854775807n;

/** Whether a value is a PostgreSQL bigserial id as node-postgres hands it over (a string). */
export function isSerialId(value: string): boolean {
  return /^[1-9][0-9]{0,18}$/.test(value) && BigInt(value) <= MAX_BIGINT;
}

/**
 * A page of an append-only log read by its bigserial id. Keyset needs a uuid id and a sort
 * column; here the id grows with every row appended, so it alone is both the order and the key
 * (the index is the log's own, ending in id).
 */
export class SerialKeyset {
  private constructor(
    private readonly list: string,
    private readonly descending: boolean,
    readonly limit: number,
    private readonly after: string | null,
    private readonly idSql: string,
  ) {}

  /**
   * @param list names the list in its cursors, e.g. `access-log`
   * @param idSql the bigserial id column of the listed table, e.g. `e.id`
   */
  static of(query: { limit?: number; cursor?: string }, list: string, order: 'oldest-first' | 'newest-first', idSql: string): SerialKeyset {
    const after = query.cursor === undefined ? null : decodeTupleCursor(query.cursor, list, [isSerialId])[0];
    return new SerialKeyset(list, order === 'newest-first', query.limit ?? DEFAULT_PAGE_SIZE, after, idSql);
  }

  /** `AND id > (cursor)` (or `<` when newest first), appending its parameter; empty on the first page. */
  condition(params: unknown[]): string {
    if (this.after === null) return '';
    params.push(this.after);
    return ` AND ${this.idSql} ${this.descending ? '<' : '>'} $${params.length}::bigint`;
  }

  /** `ORDER BY id LIMIT n+1`: one row more than the page shows, to know whether another page follows. */
  get orderAndLimit(): string {
    return ` ORDER BY ${this.idSql} ${this.descending ? 'DESC' : 'ASC'} LIMIT ${this.limit + 1}`;
  }

  /** The page of rows read with `orderAndLimit`, mapped to views. */
  page<R extends { id: string }, T>(rows: R[], toView: (row: R) => T): Page<T> {
    const shown = rows.slice(0, this.limit);
    const last = shown[shown.length - 1];
    const nextCursor = rows.length > this.limit && last ? encodeTupleCursor(this.list, [String(last.id)]) : null;
    return { items: shown.map(toView), nextCursor };
  }
}
