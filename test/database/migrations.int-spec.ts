import { DataSource } from 'typeorm';
import { migrations } from '@klausul/migrations';
import { dataSourceOptions, runMigrationsLocked } from '@klausul/database';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('migrations', () => {
  let db: TestDatabase;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });

  afterAll(async () => {
    await Promise.all(sources.map((s) => s.destroy()));
    await db.drop();
  });

  it('run once when two processes start at the same time', async () => {
    for (let i = 0; i < 2; i++) {
      sources.push(await new DataSource(dataSourceOptions({ url: db.url, poolSize: 3 })).initialize());
    }

    const [first, second] = await Promise.all(sources.map((s) => runMigrationsLocked(s)));

    expect([...first, ...second].sort()).toEqual(migrations.map((m) => m.name).sort());
    const recorded = await sources[0].query('SELECT name FROM schema_migration');
    expect(recorded).toHaveLength(migrations.length);
    const tables = await sources[0].query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'worker_heartbeat'`,
    );
    expect(tables).toHaveLength(1);
  });

  it('do nothing on a schema that is up to date', async () => {
    expect(await runMigrationsLocked(sources[0])).toEqual([]);
  });
});
