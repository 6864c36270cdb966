import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProbeService, probeWorkflow } from '@klausul/probe';
import { createApiApplication } from '@klausul/runtime';
import { WorkflowEngine } from '@klausul/workflow';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, queueBackends, testRuntime } from '../support/test-runtime';
import { actorIn, createMunicipality } from '../support/tenant';
import { startWorkerProcess } from '../support/worker-process';

const JOBS = 1000;

describe.each(queueBackends)('a worker killed with SIGKILL mid-run on the %s queue backend', (backend) => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, backend, { RUN_WORKER: 'false' });
    app = await createApiApplication(runtime);
    await app.init();
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  const effectCount = async () =>
    Number((await dataSource.query('SELECT count(*)::int AS n FROM probe_effect'))[0].n);

  it(`loses none of ${JOBS} side effects and runs none twice`, async () => {
    const admin = actorIn(await createMunicipality(dataSource));
    const probes = app.get(ProbeService);
    const engine = app.get(WorkflowEngine);
    for (let batch = 0; batch < JOBS / 50; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          const probe = await probes.create(admin);
          await engine.transition(probeWorkflow, probe.id, 'ping', admin);
        }),
      );
    }

    const workerEnv = {
      DATABASE_URL: db.url,
      ...(backend === 'redis' ? { REDIS_URL: process.env.REDIS_URL! } : {}),
      QUEUE_PREFIX: runtime.config.queue.prefix,
      WORKER_CONCURRENCY: '2',
      WORKER_LOCK_DURATION_MS: '2000',
      HEARTBEAT_INTERVAL_MS: '3600000',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    };
    const first = startWorkerProcess(workerEnv);
    const atKill = await eventually(async () => {
      const n = await effectCount();
      return n >= 50 ? n : undefined;
    }, 60_000, 20);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(atKill).toBeLessThan(JOBS); // killed mid-run, not after the work was done

    const second = startWorkerProcess(workerEnv);
    try {
      await eventually(async () => ((await effectCount()) >= JOBS ? true : undefined), 90_000, 200);
      await eventually(async () => {
        const [{ open }] = await dataSource.query('SELECT count(*)::int AS open FROM outbox WHERE completed_at IS NULL');
        return open === 0 ? true : undefined;
      }, 30_000);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }

    const [summary] = await dataSource.query(
      `SELECT count(*)::int AS effects, count(DISTINCT probe_id)::int AS probes,
              (SELECT count(*)::int FROM outbox) AS outbox,
              (SELECT count(*)::int FROM probe WHERE delivery_status = 'delivered') AS delivered
         FROM probe_effect`,
    );
    expect(summary).toEqual({ effects: JOBS, probes: JOBS, outbox: JOBS, delivered: JOBS });
  }, 240_000);
});
