import type { DataSource } from 'typeorm';

/** Key of the session-level advisory lock that serialises migrations across processes ("klausul"). */
export const MIGRATION_LOCK_KEY = 0x6b6c6175;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so API and worker
 * processes starting together never race; the second one waits, then finds nothing to do.
 * Returns the names of the migrations this call applied.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockRunner.release();
  }
}
