import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import request from 'supertest';
import { BootstrapAdminService, generatedPasswordsPath } from '@klausul/identity';
import { loggerOptions } from '@klausul/logging';
import { createApiApplication, type Runtime } from '@klausul/runtime';
import { bearer, IdentityFactory, login } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRuntime } from '../support/test-runtime';

/**
 * Every log line of this file, written with the production logger's redaction. One
 * list for all runtimes: with several Nest apps in one process, a class's Logger may
 * write through another app's pino instance.
 */
const logs: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logs.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

function capturingRuntime(url: string, env: Record<string, string> = {}): Runtime {
  const runtime = testRuntime(url, 'postgres', env);
  return { ...runtime, logger: pino(loggerOptions({ log: { level: 'trace', format: 'json' } }), logStream) };
}

describe('the first admin', () => {
  const databases: TestDatabase[] = [];
  const apps: INestApplication[] = [];
  const freshDatabase = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  };
  const start = async (runtime: Runtime) => {
    const app = await createApiApplication(runtime);
    apps.push(app);
    await app.init();
    return app;
  };

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('is created once, with a generated password written to the data folder and never logged, when two API processes start together', async () => {
    const db = await freshDatabase();
    const mark = logs.length;
    const dataDir = await mkdtemp(path.join(tmpdir(), 'klausul-bootstrap-'));
    // NODE_ENV=test writes no password file; development does, as npm start would.
    const env = { NODE_ENV: 'development', KLAUSUL_DATA_DIR: dataDir };

    try {
      const [app] = await Promise.all([start(capturingRuntime(db.url, env)), start(capturingRuntime(db.url, env))]);

      const identity = new IdentityFactory(app);
      const users = await identity.query<{ email: string; role: string; name: string }>(
        'SELECT u.email, u.role, m.name FROM app_user u JOIN municipality m ON m.id = u.municipality_id',
      );
      expect(users).toEqual([{ email: 'admin@klausul.local', role: 'admin', name: 'Odense Kommune' }]);

      const file = generatedPasswordsPath({ dataDir });
      const lines = logs.slice(mark).filter((line) => line.includes('generated password'));
      expect(lines).toHaveLength(1);
      const entry = JSON.parse(lines[0]) as { level: number; msg: string };
      expect(entry.level).toBe(40); // warn
      expect(entry.msg).toBe(`created the first admin with a generated password, written to ${file} (mode 0600; sign in, change it, delete the file)`);
      const written = (await readFile(file, 'utf8')).split('\n').filter((line) => line && !line.startsWith('#'));
      expect(written).toHaveLength(1);
      const [role, email, password] = written[0].split('\t');
      expect({ role, email }).toEqual({ role: 'admin', email: 'admin@klausul.local' });
      expect(password.length).toBeGreaterThanOrEqual(20);

      const token = await login(app, 'admin@klausul.local', password);
      const me = await request(app.getHttpServer()).get('/api/v1/me').set(bearer(token)).expect(200);
      expect(me.body).toMatchObject({ role: 'admin', municipality: { name: 'Odense Kommune' } });

      // The password, the session token and the e-mail address appear nowhere in the logs.
      const everything = logs.slice(mark);
      expect(everything.filter((line) => line.includes(password))).toEqual([]);
      expect(everything.filter((line) => line.includes('admin@klausul.local'))).toEqual([]);
      expect(everything.some((line) => line.includes(token))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('is never created twice, however many processes race', async () => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([start(capturingRuntime(db.url)), start(capturingRuntime(db.url))]);
    const identity = new IdentityFactory(a);
    await identity.query('DELETE FROM app_user');
    await identity.query('DELETE FROM municipality');

    const services = [a.get(BootstrapAdminService), b.get(BootstrapAdminService)];
    const created = await Promise.all([...services, ...services, ...services].map((s) => s.ensureFirstAdmin()));

    expect(created.filter(Boolean)).toHaveLength(1);
    expect(await identity.query('SELECT 1 FROM app_user')).toHaveLength(1);
    expect(await identity.query('SELECT 1 FROM municipality')).toHaveLength(1);
  });

  it('is not created when the database has users', async () => {
    const db = await freshDatabase();
    const app = await start(capturingRuntime(db.url));
    expect(await app.get(BootstrapAdminService).ensureFirstAdmin()).toBe(false);
  });

  it('takes its e-mail, password and municipality from the configuration, without logging them', async () => {
    const db = await freshDatabase();
    const mark = logs.length;
    const runtime = capturingRuntime(db.url, {
      ADMIN_EMAIL: 'Drift@Aarhus.dk',
      ADMIN_PASSWORD: 'the configured admin password',
      BOOTSTRAP_MUNICIPALITY: 'Aarhus Kommune',
    });
    const app = await start(runtime);

    const res = await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ email: 'drift@aarhus.dk', password: 'the configured admin password' })
      .expect(200);
    expect(res.body.user).toMatchObject({ role: 'admin', municipality: { name: 'Aarhus Kommune' } });
    await request(app.getHttpServer()).post('/api/v1/auth/login').send({ email: 'drift@aarhus.dk', password: 'wrong' }).expect(401);
    await request(app.getHttpServer()).get('/api/v1/me').set(bearer(res.body.token)).expect(200);

    const lines = logs.slice(mark);
    expect(lines.some((line) => line.includes('created the first admin from ADMIN_EMAIL'))).toBe(true);
    for (const secret of ['the configured admin password', 'drift@aarhus.dk', 'Drift@Aarhus.dk', res.body.token as string]) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
