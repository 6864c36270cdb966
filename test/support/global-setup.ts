import 'tsconfig-paths/register';
import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import pino from 'pino';
import { DataSource } from 'typeorm';
// Single files, not the libs' index: jest loads global setup outside its module system,
// where Nest's ES modules cannot be required (test files get them compiled).
import { loadConfig } from '../../libs/config/src/app-config';
import { dataSourceOptions } from '../../libs/database/src/data-source.options';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';
import { runMigrationsLocked } from '../../libs/database/src/migration-runner';
import { selectQueueBackend } from '../../libs/queue/src/queue-backend';
import { freePort } from './free-port';
import { databaseUrl, TEST_ENV } from './test-environment';

/**
 * Starts (or connects to) the test PostgreSQL, and builds one migrated template
 * database that every test file clones into its own database.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'klausul-test-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), logger: pino({ level: 'silent' }) });
    (globalThis as Record<string, unknown>).__klausulEmbedded = { embedded, dataDir };
    serverUrl = embedded.url;
    process.stdout.write('\nIntegration tests: embedded PostgreSQL (DATABASE_URL is not set)\n');
  }
  if (!process.env.REDIS_URL) {
    process.stdout.write('Redis backend not exercised: REDIS_URL is not set, queue tests run on the PostgreSQL backend only\n');
  }

  const template = `klausul_template_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }

  const templateUrl = databaseUrl(serverUrl, template);
  const dataSource = await new DataSource(dataSourceOptions({ url: templateUrl, poolSize: 2 })).initialize();
  await runMigrationsLocked(dataSource);
  await dataSource.destroy();

  // Create the PostgreSQL queue backend's schema once, so each cloned database starts with it.
  const config = loadConfig({ DATABASE_URL: templateUrl });
  const queue = new Queue('template-warmup', { connection: selectQueueBackend(config) as never });
  await queue.waitUntilReady();
  await queue.close();

  process.env[TEST_ENV.adminUrl] = serverUrl;
  process.env[TEST_ENV.templateDatabase] = template;
}
