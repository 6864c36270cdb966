import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { startEmbeddedPostgres } from '@klausul/database';
import { freePort } from '../support/free-port';

const silent = pino({ level: 'silent' });

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Starts the embedded PostgreSQL in a child process and resolves once it is up. */
function startInChildProcess(dataDir: string, port: number, mode: 'wait' | 'exit' = 'wait') {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.resolve('test/support/embedded-postgres.child.ts'), dataDir, String(port), mode],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code} before it was ready`)));
  });
  return { child, ready, exited };
}

describe('the embedded PostgreSQL', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'klausul-embedded-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps data across a stop and a start, and leaves no pid file behind', async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, logger: silent });
    await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')`);
    await first.stop();
    expect(existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, port, logger: silent });
    try {
      expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
      expect(second.url).toBe(first.url);
    } finally {
      await second.stop();
    }
  });

  it('starts again after the process that ran it was killed with SIGKILL', async () => {
    const port = await freePort();
    const { child, ready, exited } = startInChildProcess(dataDir, port);
    const url = await ready;
    await query(url, `CREATE TABLE survived (n int); INSERT INTO survived VALUES (1)`);
    child.kill('SIGKILL');
    await exited;

    const restarted = await startEmbeddedPostgres({ dataDir, port, logger: silent });
    try {
      expect(await query(restarted.url, 'SELECT n FROM survived')).toEqual([{ n: 1 }]);
    } finally {
      await restarted.stop();
    }
    expect(existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(false);
  });

  it('is stopped when the process that started it exits without stopping it', async () => {
    const { ready, exited } = startInChildProcess(dataDir, await freePort(), 'exit');
    await ready;
    await exited;

    const pidFile = path.join(dataDir, 'pgdata', 'postmaster.pid');
    const deadline = Date.now() + 10_000;
    while (existsSync(pidFile) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(pidFile)).toBe(false);
  });
});
