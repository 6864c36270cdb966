import { InvalidInputError } from '@klausul/domain';
import { decodeCursor, encodeCursor } from './cursor';
import { DEFAULT_PAGE_SIZE } from './page-query.dto';
import type { SortColumns } from './sort';
import { isSortValue } from './sort-value';

/** One page of a list and the cursor of the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A page to read by keyset: rows strictly after the cursor's (sort value, id) in the
 * list's order, so a page never repeats or skips a row however many rows are inserted
 * meanwhile. The id breaks ties; the list's index should end in (sort column, id).
 */
export class Keyset {
  private constructor(
    readonly sortKey: string,
    private readonly column: SortColumns[string],
    private readonly descending: boolean,
    readonly limit: number,
    private readonly after: { value: string; id: string } | null,
    private readonly idSql: string,
  ) {}

  /**
   * @param sort the query's `sort` (e.g. `-startDate`), or the list's default
   * @param idSql the id column of the listed table, e.g. `c.id`
   */
  static of(query: { limit?: number; cursor?: string; sort?: string }, columns: SortColumns, defaultSort: string, idSql: string): Keyset {
    const sort = query.sort ?? defaultSort;
    const descending = sort.startsWith('-');
    const column = columns[descending ? sort.slice(1) : sort];
    if (!column) throw new InvalidInputError(`sort must be one of ${Object.keys(columns).join(', ')} (prefix - for descending)`, { fields: ['sort'] });
    // A sort value the column's cast would refuse is a bad cursor (400), not a failed query.
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor, sort, (value) => isSortValue(column.type, value));
    return new Keyset(sort, column, descending, query.limit ?? DEFAULT_PAGE_SIZE, after, idSql);
  }

  /** The select-list entry that carries each row's sort value for the cursor. */
  get keyColumn(): string {
    return `(${this.column.sql})::text AS page_key`;
  }

  /** `AND (sort, id) > (cursor)` (or `<` when descending), appending its parameters; empty on the first page. */
  condition(params: unknown[]): string {
    if (!this.after) return '';
    params.push(this.after.value, this.after.id);
    const n = params.length;
    return ` AND (${this.column.sql}, ${this.idSql}) ${this.descending ? '<' : '>'} ($${n - 1}::${this.column.type}, $${n}::uuid)`;
  }

  /** `ORDER BY ... LIMIT n+1`: one row more than the page shows, to know whether another page follows. */
  get orderAndLimit(): string {
    const direction = this.descending ? 'DESC' : 'ASC';
    return ` ORDER BY ${this.column.sql} ${direction}, ${this.idSql} ${direction} LIMIT ${this.limit + 1}`;
  }

  /** The page of rows read with `orderAndLimit`, mapped to views. */
  page<R extends { id: string; page_key: string }, T>(rows: R[], toView: (row: R) => T): Page<T> {
    const shown = rows.slice(0, this.limit);
    const last = shown[shown.length - 1];
    const nextCursor = rows.length > this.limit && last ? encodeCursor({ sort: this.sortKey, value: last.page_key, id: last.id }) : null;
    return { items: shown.map(toView), nextCursor };
  }
}
