/** How a list may be sorted: each key names a SQL expression of a non-null column and its type. */
export type SortColumns = Record<string, { sql: string; type: 'text' | 'date' | 'timestamptz' | 'integer' | 'numeric' }>;

/** `sort` values a list accepts: every key ascending, and descending with a leading `-`. */
export function sortValues(columns: SortColumns): string[] {
  return Object.keys(columns).flatMap((key) => [key, `-${key}`]);
}
