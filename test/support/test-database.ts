import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, requireTestEnv, TEST_ENV } from './test-environment';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: requireTestEnv(TEST_ENV.adminUrl) });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** A database of its own for one test file: a clone of the migrated template, or empty. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `klausul_test_${randomBytes(5).toString('hex')}`;
  const template = options.empty ? 'template0' : requireTestEnv(TEST_ENV.templateDatabase);
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(requireTestEnv(TEST_ENV.adminUrl), name),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
