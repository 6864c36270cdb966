type Query = <T>(sql: string, parameters?: unknown[]) => Promise<T[]>;

/**
 * Tables a refused request may touch by design, left out of the comparison:
 * - rate_limit_window: the login guard counts every sign-in attempt (a digest of address
 *   and e-mail, no input) before the body is checked, as a rate limit must;
 * - worker_heartbeat: written by the worker on its own schedule;
 * - migrations: TypeORM's own.
 */
const TOUCHED_BY_DESIGN = new Set(['rate_limit_window', 'worker_heartbeat', 'migrations']);
/** Authentication stamps when a session or key was last used: only their number of rows is compared. */
const COUNTED_ONLY = new Set(['user_session', 'api_key']);

/**
 * A fingerprint of every table's rows (count and checksum of the content), so a test can
 * tell whether a refused request wrote, changed or deleted anything.
 */
export async function rowSnapshotter(query: Query): Promise<() => Promise<Record<string, string>>> {
  const tables = (await query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  ))
    .map((row) => row.table_name)
    .filter((table) => !TOUCHED_BY_DESIGN.has(table));
  const sql = `SELECT ${tables
    .map((table) => COUNTED_ONLY.has(table)
      ? `(SELECT count(*)::text FROM "${table}") AS "${table}"`
      : `(SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM "${table}" t) AS "${table}"`)
    .join(', ')}`;
  return async () => (await query<Record<string, string>>(sql))[0];
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}
