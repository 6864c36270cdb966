import 'tsconfig-paths/register';
import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import type { RunningEmbeddedPostgres } from '@klausul/database';
import { TEST_ENV } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[TEST_ENV.adminUrl];
  const template = process.env[TEST_ENV.templateDatabase];
  if (serverUrl && template) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).finally(() => admin.end());
  }
  const state = (globalThis as Record<string, unknown>).__klausulEmbedded as
    | { embedded: RunningEmbeddedPostgres; dataDir: string }
    | undefined;
  if (state) {
    await state.embedded.stop();
    await rm(state.dataDir, { recursive: true, force: true });
  }
}
