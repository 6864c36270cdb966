import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { lastLines, REPO_ROOT, stopKlausulServer } from './klausul-server';
import type { MailCatcher } from './mail-catcher';

/** What global setup started, for global teardown (both run in Playwright's runner process). */
export interface BrowserRun {
  tmp: string;
  queuePrefix: string;
  redisUrl?: string;
  catcher?: MailCatcher;
  database?: { serverUrl: string; name: string };
  server?: ChildProcess;
}

export const runState: { current?: BrowserRun } = {};

async function clearQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Stops the server (SIGTERM, wait), then the catcher; drops the database, the queue keys and the temporary folder. */
export async function cleanUp(run: BrowserRun): Promise<void> {
  const problems: string[] = [];
  if (run.server) {
    const exit = await stopKlausulServer(run.server);
    if (exit !== 0) problems.push(`the Klausul server stopped with ${exit}; its log ends:\n${lastLines(path.join(run.tmp, 'server.log'))}`);
  }
  await run.catcher?.stop();
  if (run.database) {
    const admin = new Client({ connectionString: run.database.serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${run.database.name} WITH (FORCE)`).finally(() => admin.end());
  }
  if (run.redisUrl) await clearQueueKeys(run.redisUrl, run.queuePrefix).catch((e: Error) => problems.push(`Redis keys not cleared: ${e.message}`));
  await mkdir(path.join(REPO_ROOT, 'test-results'), { recursive: true });
  // The server's log outlives the run beside the failure screenshots (warnings and errors only).
  await copyFile(path.join(run.tmp, 'server.log'), path.join(REPO_ROOT, 'test-results', 'klausul-server.log')).catch(() => undefined);
  await rm(run.tmp, { recursive: true, force: true });
  if (problems.length) process.stderr.write(`Browser tests teardown: ${problems.join('\n')}\n`);
}
