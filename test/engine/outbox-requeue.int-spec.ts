import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProbeService, probeWorkflow } from '@klausul/probe';
import { createApiApplication, createWorkerApplication } from '@klausul/runtime';
import { WorkflowEngine } from '@klausul/workflow';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, queueBackends, testRuntime } from '../support/test-runtime';
import { actorIn, createMunicipality } from '../support/tenant';

describe.each(queueBackends)('outbox rows whose job the %s queue backend no longer has (#12.8)', (backend) => {
  let db: TestDatabase;
  let api: INestApplication;
  let worker: INestApplicationContext | undefined;
  let runtime: ReturnType<typeof testRuntime>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, backend, {
      RUN_WORKER: 'false',
      OUTBOX_SWEEP_INTERVAL_MS: '200',
      OUTBOX_REQUEUE_INTERVAL_MS: '300',
      OUTBOX_REQUEUE_GRACE_MS: '1000',
    });
    api = await createApiApplication(runtime);
    await api.init();
    dataSource = api.get(DataSource);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  it('#12.8: a row marked relayed whose job never reached the queue is relayed again under a new round and runs once', async () => {
    const admin = actorIn(await createMunicipality(dataSource));
    const probes = api.get(ProbeService);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const probe = await probes.create(admin);
      await api.get(WorkflowEngine).transition(probeWorkflow, probe.id, 'ping', admin);
      ids.push(probe.id);
    }
    // As the queue backend would leave them after losing its data: relayed, the jobs gone.
    await dataSource.query(`UPDATE outbox SET relayed_at = now() - interval '1 hour' WHERE entity_id = ANY($1::uuid[])`, [ids]);

    worker = await createWorkerApplication(runtime);
    await worker.init();

    await eventually(async () => {
      const [{ done }] = await dataSource.query('SELECT count(*)::int AS done FROM outbox WHERE entity_id = ANY($1::uuid[]) AND completed_at IS NOT NULL', [ids]);
      return done === ids.length ? true : undefined;
    }, 30_000);
    const rows = await dataSource.query(
      `SELECT o.round, (SELECT count(*)::int FROM probe_effect e WHERE e.outbox_id = o.id) AS effects, p.delivery_status
         FROM outbox o JOIN probe p ON p.id = o.entity_id WHERE o.entity_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows).toEqual(ids.map(() => ({ round: 1, effects: 1, delivery_status: 'delivered' })));
  }, 60_000);
});
