import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import { generatedPasswordsPath } from '@klausul/identity';
import { loggerOptions } from '@klausul/logging';
import { createApiApplication, type Runtime } from '@klausul/runtime';
import { login } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRuntime } from '../support/test-runtime';

describe('#12.5: generated passwords go to a 0600 file under KLAUSUL_DATA_DIR, never into the log', () => {
  const lines: string[] = [];
  let db: TestDatabase;
  let dataDir: string;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'klausul-passwords-'));
    // Not NODE_ENV=test (which writes no file), JSON logs as in production (stdout not a terminal).
    const base = testRuntime(db.url, 'postgres', {
      NODE_ENV: 'development', KLAUSUL_DATA_DIR: dataDir, SEED_DEMO: 'true', RUN_WORKER: 'false', OPERATOR_EMAIL: 'Drift@Klausul.test', LOG_FORMAT: 'json',
    });
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(...String(chunk).split('\n').filter(Boolean)), done()) });
    const runtime: Runtime = { ...base, logger: pino(loggerOptions({ log: { level: 'trace', format: 'json' } }), sink) };
    app = await createApiApplication(runtime);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const accounts = async () =>
    (await readFile(generatedPasswordsPath({ dataDir }), 'utf8'))
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const [role, email, password] = line.split('\t');
        return { role, email, password };
      });

  it('writes the first admin, the operator and the demo users with their passwords, readable by the owner only', async () => {
    const file = generatedPasswordsPath({ dataDir });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o077).toBe(0);
    const written = await accounts();
    expect(written.map((a) => a.role).sort()).toEqual(
      ['admin', 'admin', 'employment_caseworker', 'jobcenter_contact', 'operator', 'procurement_caseworker', 'supplier_hr', 'supplier_hr'].sort(),
    );
    for (const account of written) expect(account.password.length).toBeGreaterThanOrEqual(20);
    // What is written is what signs in.
    for (const account of written.filter((a) => ['admin', 'operator', 'supplier_hr'].includes(a.role))) {
      await expect(login(app, account.email, account.password)).resolves.toEqual(expect.any(String));
    }
  });

  it('logs where the passwords are, in JSON, and no password or address of them', async () => {
    const written = await accounts();
    const file = generatedPasswordsPath({ dataDir });
    const mentions = lines.filter((line) => line.includes(file));
    expect(mentions.length).toBeGreaterThanOrEqual(2); // the first admin and operator, the demo users
    for (const line of mentions) expect(JSON.parse(line)).toMatchObject({ level: 40, msg: expect.stringContaining('generated password') });
    for (const account of written) {
      expect({ secret: 'password', found: lines.filter((line) => line.includes(account.password)) }).toEqual({ secret: 'password', found: [] });
    }
    expect(lines.filter((line) => line.includes('admin@klausul.local') || line.toLowerCase().includes('drift@klausul.test'))).toEqual([]);
  });

  it('appends, and never makes the file readable by others, on a later start that creates more', async () => {
    const before = (await accounts()).length;
    const again = await createApiApplication(testRuntime(db.url, 'postgres', {
      NODE_ENV: 'development', KLAUSUL_DATA_DIR: dataDir, RUN_WORKER: 'false', OPERATOR_EMAIL: 'second-operator@klausul.test',
    }));
    await again.init();
    await again.close();
    const after = await accounts();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ role: 'operator', email: 'second-operator@klausul.test' });
    expect((await stat(generatedPasswordsPath({ dataDir }))).mode & 0o777).toBe(0o600);
  });
});
