import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProbeService, probeWorkflow } from '@klausul/probe';
import { createApiApplication, createWorkerApplication } from '@klausul/runtime';
import { WorkflowEngine } from '@klausul/workflow';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, queueBackends, testRuntime } from '../support/test-runtime';
import { actorIn, createMunicipality } from '../support/tenant';

const JOBS = 400;

describe.each(queueBackends)('two worker processes relaying and running side by side on the %s queue backend', (backend) => {
  let db: TestDatabase;
  let api: INestApplication;
  let workers: INestApplicationContext[] = [];
  let runtime: ReturnType<typeof testRuntime>;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, backend, { RUN_WORKER: 'false', OUTBOX_BATCH_SIZE: '25', OUTBOX_SWEEP_INTERVAL_MS: '100' });
    api = await createApiApplication(runtime);
    await api.init();
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await api?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  it('run every side effect exactly once', async () => {
    const dataSource = api.get(DataSource);
    const admin = actorIn(await createMunicipality(dataSource));
    const probes = api.get(ProbeService);
    const engine = api.get(WorkflowEngine);
    for (let i = 0; i < JOBS; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          const probe = await probes.create(admin);
          await engine.transition(probeWorkflow, probe.id, 'ping', admin);
        }),
      );
    }
    // Both start on a full outbox, in small batches, so their relays compete for the same rows.
    workers = await Promise.all([1, 2].map(async () => {
      const worker = await createWorkerApplication(runtime);
      await worker.init();
      return worker;
    }));

    await eventually(async () => {
      const [{ done }] = await dataSource.query('SELECT count(*)::int AS done FROM outbox WHERE completed_at IS NOT NULL');
      return done === JOBS ? true : undefined;
    }, 60_000);
    const [summary] = await dataSource.query(
      `SELECT count(*)::int AS effects, count(DISTINCT probe_id)::int AS probes,
              (SELECT count(*)::int FROM outbox WHERE relayed_at IS NOT NULL) AS relayed
         FROM probe_effect`,
    );
    expect(summary).toEqual({ effects: JOBS, probes: JOBS, relayed: JOBS });
  }, 120_000);
});
