import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '@klausul/database';
import { ProbeService, probeWorkflow } from '@klausul/probe';
import { createApiApplication } from '@klausul/runtime';
import { WorkflowEngine } from '@klausul/workflow';
import { freePort } from '../support/free-port';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { eventually, testRuntime } from '../support/test-runtime';
import { actorIn, createMunicipality } from '../support/tenant';

interface Answer {
  route: string;
  status: number;
  retryAfter?: string;
  code?: string;
}

describe('the embedded PostgreSQL killed under a running API (#12.7)', () => {
  let dataDir: string;
  let embedded: RunningEmbeddedPostgres;
  let app: INestApplication;
  let token: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'klausul-restart-'));
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      logger: pino({ level: 'silent' }),
      // A slow first restart, so the outage lasts long enough to be seen from outside.
      supervise: { checkEveryMs: 200, firstRestartDelayMs: 2_000 },
    });
    // As `npm start` runs it: API and workers in one process, queues on PostgreSQL.
    app = await createApiApplication(
      testRuntime(embedded.url, 'postgres', { RUN_WORKER: 'true', DATABASE_CONNECT_TIMEOUT_MS: '2000', OUTBOX_SWEEP_INTERVAL_MS: '200' }),
    );
    await app.init();
    ({ token } = await new IdentityFactory(app).signedIn({ role: 'procurement_caseworker' }));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const ask = async (route: string): Promise<Answer> => {
    const res =
      route === 'ready'
        ? await request(app.getHttpServer()).get('/health/ready')
        : await request(app.getHttpServer()).get('/api/v1/messages').set(bearer(token));
    return { route, status: res.status, retryAfter: res.headers['retry-after'], code: res.body?.code };
  };

  it('#12.7: while it is down requests get 503 with Retry-After (never 500) and readiness 503; once restarted they succeed', async () => {
    expect((await ask('messages')).status).toBe(200);
    const pid = Number.parseInt((await readFile(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8')).split('\n')[0], 10);
    process.kill(pid, 'SIGKILL');

    const answers: Answer[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const round = await Promise.all([ask('messages'), ask('messages'), ask('ready')]);
      answers.push(...round);
      const sawOutage = answers.some((a) => a.status === 503);
      if (sawOutage && round.every((a) => a.status === 200)) break;
      if (Date.now() > deadline) throw new Error(`not back within 60 s: ${JSON.stringify(answers.slice(-6))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const outage = answers.filter((a) => a.status !== 200);
    expect(outage.length).toBeGreaterThan(0);
    expect(outage.filter((a) => a.status !== 503)).toEqual([]);
    expect(outage.filter((a) => a.route === 'messages')).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 503, code: 'UNAVAILABLE' })]),
    );
    expect(outage.filter((a) => a.route === 'messages' && a.retryAfter === undefined)).toEqual([]);
    expect(outage.some((a) => a.route === 'ready')).toBe(true);
    const newPid = Number.parseInt((await readFile(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8')).split('\n')[0], 10);
    expect(newPid).not.toBe(pid);

    // The workers in the same process came back too: a side effect goes all the way through.
    const dataSource = app.get(DataSource);
    const admin = actorIn(await createMunicipality(dataSource));
    const probe = await app.get(ProbeService).create(admin);
    await app.get(WorkflowEngine).transition(probeWorkflow, probe.id, 'ping', admin);
    await eventually(async () => {
      const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM probe_effect WHERE probe_id = $1', [probe.id]);
      return n === 1 ? true : undefined;
    }, 30_000);
  }, 120_000);
});
