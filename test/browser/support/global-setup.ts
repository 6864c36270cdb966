import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../support/free-port';
import { databaseUrl as withDatabase } from '../../support/test-environment';
import { BROWSER_ENV } from './env';
import { REPO_ROOT, startKlausulServer } from './klausul-server';
import { startMailCatcher } from './mail-catcher';
import { type BrowserRun, cleanUp, runState } from './run-state';

const ADMIN_EMAIL = 'admin@klausul.local';

/**
 * Starts what the browser tests run against: a mail catcher writing .eml files, and ONE
 * Klausul API process from the built bundle, on a fresh database (a new one on DATABASE_URL's
 * server, or the embedded PostgreSQL in a temporary data folder when DATABASE_URL is unset),
 * with its worker in the process so mail goes out.
 */
export default async function globalSetup(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed (node scripts/build-if-stale.mjs): the browser tests need dist/apps/api/main.js');

  const tmp = await mkdtemp(path.join(tmpdir(), 'klausul-browser-'));
  // Run as root, the embedded PostgreSQL runs as the `postgres` user, which must pass through to <tmp>/data.
  await chmod(tmp, 0o711);
  const run: BrowserRun = { tmp, queuePrefix: `b${randomBytes(4).toString('hex')}`, redisUrl: process.env.REDIS_URL || undefined };
  runState.current = run;
  try {
    const mailDir = path.join(tmp, 'mail');
    await mkdir(mailDir, { mode: 0o700 });
    run.catcher = await startMailCatcher(mailDir);

    const serverUrl = process.env.DATABASE_URL || undefined;
    let databaseUrl: string | undefined;
    if (serverUrl) {
      const database = `klausul_browser_${process.pid}`;
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${database}`);
      } finally {
        await admin.end();
      }
      run.database = { serverUrl, name: database };
      databaseUrl = withDatabase(serverUrl, database);
    }

    const port = await freePort();
    const adminPassword = randomBytes(18).toString('base64url');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      LANG: process.env.LANG,
      // NODE_ENV=test: no generated-passwords file, no 15-minute monthly-review tick (tests start runs
      // as an admin does), session cookie without Secure (the run is plain http); otherwise as in production.
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { EMBEDDED_POSTGRES_PORT: String(await freePort()) }),
      ...(run.redisUrl ? { REDIS_URL: run.redisUrl } : {}),
      QUEUE_PREFIX: run.queuePrefix,
      RUN_WORKER: 'true',
      SEED_DEMO: 'false',
      KLAUSUL_DATA_DIR: path.join(tmp, 'data'),
      ADMIN_EMAIL,
      ADMIN_PASSWORD: adminPassword,
      REVIEW_LINK_SECRET: randomBytes(36).toString('base64url'),
      SMTP_URL: `smtp://127.0.0.1:${run.catcher.port}`,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    };
    const log = path.join(tmp, 'server.log');
    const server = await startKlausulServer(env, port, log);
    run.server = server.child;

    process.env[BROWSER_ENV.baseUrl] = server.baseUrl;
    process.env[BROWSER_ENV.adminEmail] = ADMIN_EMAIL;
    process.env[BROWSER_ENV.adminPassword] = adminPassword;
    process.env[BROWSER_ENV.mailDir] = mailDir;
    process.env[BROWSER_ENV.serverLog] = log;
    process.stdout.write(
      `Browser tests: Klausul at ${server.baseUrl} on ${databaseUrl ? `database ${run.database!.name}` : 'the embedded PostgreSQL'}, ` +
        `${run.redisUrl ? 'Redis' : 'PostgreSQL'} queue backend, mail in ${mailDir}\n`,
    );
  } catch (error) {
    await cleanUp(run);
    throw error;
  }
}
