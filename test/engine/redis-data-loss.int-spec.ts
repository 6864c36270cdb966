import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MailSender, MessageService } from '@klausul/messaging';
import { ProbeService, probeWorkflow } from '@klausul/probe';
import { jobSchedules, queueOf } from '@klausul/queue';
import { createApiApplication } from '@klausul/runtime';
import { WorkflowEngine } from '@klausul/workflow';
import { hasTag, taggedEmail } from '../support/mail-drafts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, testRuntime } from '../support/test-runtime';
import { actorIn, createMunicipality } from '../support/tenant';

const PINGS = 300;
const MESSAGES = 60;

// Only Redis can lose its data this way; the PostgreSQL backend keeps its queues in the database.
const describeOnRedis = process.env.REDIS_URL ? describe : describe.skip;

describeOnRedis('Redis loses its data in the middle of a burst of side effects (#12.8)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, 'redis', {
      RUN_WORKER: 'true',
      WORKER_CONCURRENCY: '2',
      OUTBOX_SWEEP_INTERVAL_MS: '200',
      HEARTBEAT_INTERVAL_MS: '300',
      HEARTBEAT_STALE_AFTER_MS: '2000',
      // Slower than the heartbeat's staleness, so the degraded readiness can be seen before the schedulers return.
      JOB_SCHEDULES_CHECK_INTERVAL_MS: '6000',
      OUTBOX_REQUEUE_INTERVAL_MS: '500',
      OUTBOX_REQUEUE_GRACE_MS: '1500',
    });
    app = await createApiApplication(runtime);
    await app.init();
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  const readiness = async () => (await request(app.getHttpServer()).get('/health/ready').expect(200)).body;
  const count = async (sql: string) => Number((await dataSource.query(sql))[0].n);
  const schedulerIds = async () => {
    const found: string[] = [];
    for (const schedule of jobSchedules(runtime.config)) {
      const queue = app.get<Queue>(getQueueToken(queueOf(schedule.job)), { strict: false });
      if (await queue.getJobScheduler(schedule.id)) found.push(schedule.id);
    }
    return found;
  };

  it('#12.8: after a flush of the queue keys every side effect still runs exactly once, schedulers return, readiness is degraded while the heartbeat is stale', async () => {
    await eventually(async () => ((await readiness()).status === 'ok' && (await readiness()).lastWorkerHeartbeatAt ? true : undefined));
    const allSchedules = jobSchedules(runtime.config).map((s) => s.id).sort();
    expect((await schedulerIds()).sort()).toEqual(allSchedules);

    const admin = actorIn(await createMunicipality(dataSource));
    const probes = app.get(ProbeService);
    const engine = app.get(WorkflowEngine);
    const messageIds = await dataSource.transaction((manager) =>
      app.get(MessageService).compose(
        manager,
        Array.from({ length: MESSAGES }, (_, i) => taggedEmail(admin.municipalityId, `hr${i}@leverandoer.dk`, `Redis-tab ${i}`)),
      ),
    );
    for (let batch = 0; batch < PINGS / 50; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          const probe = await probes.create(admin);
          await engine.transition(probeWorkflow, probe.id, 'ping', admin);
        }),
      );
    }
    const effects = () => count('SELECT count(*)::int AS n FROM probe_effect');
    await eventually(async () => ((await effects()) >= 20 ? true : undefined), 30_000, 20);

    // Like a Redis restarted without persistence: everything of this runtime's queues is gone
    // (only its own prefix: other test files share this Redis). No process restarts.
    await clearQueueKeys(runtime);
    const atFlush = await effects();
    expect(atFlush).toBeLessThan(PINGS);

    const degraded = await eventually(async () => {
      const body = await readiness();
      return body.status === 'degraded' ? body : undefined;
    }, 20_000, 200);
    expect(degraded.details.worker).toMatchObject({ status: 'stale', staleAfterMs: 2000 });

    await eventually(async () => ((await effects()) >= PINGS ? true : undefined), 90_000, 200);
    await eventually(async () => ((await count('SELECT count(*)::int AS n FROM outbox WHERE completed_at IS NULL')) === 0 ? true : undefined), 60_000);
    const [summary] = await dataSource.query(
      `SELECT count(*)::int AS effects, count(DISTINCT probe_id)::int AS probes,
              (SELECT count(*)::int FROM probe WHERE delivery_status = 'delivered') AS delivered,
              (SELECT count(*)::int FROM outbox WHERE round > 0) AS requeued
         FROM probe_effect`,
    );
    expect(summary).toMatchObject({ effects: PINGS, probes: PINGS, delivered: PINGS });
    expect(summary.requeued).toBeGreaterThan(0); // the sweep did the rescuing, not luck

    const caught = app.get(MailSender).catcher!.received.filter((m) => hasTag(m.subject, 'Redis-tab '));
    expect(caught.map((m) => m.messageId).sort()).toEqual(messageIds.map((id) => `<${id}@klausul>`).sort());
    expect(await count(`SELECT count(*)::int AS n FROM message WHERE municipality_id = '${admin.municipalityId}' AND delivery_status = 'delivered'`)).toBe(MESSAGES);

    await eventually(async () => ((await schedulerIds()).length === allSchedules.length ? true : undefined), 20_000, 250);
    const recovered = await eventually(async () => {
      const body = await readiness();
      return body.status === 'ok' && Date.parse(body.lastWorkerHeartbeatAt) > Date.parse(degraded.lastWorkerHeartbeatAt) ? body : undefined;
    }, 20_000, 200);
    expect(recovered.details.worker.status).toBe('up');
    process.stdout.write(`#12.8: flushed at ${atFlush}/${PINGS} effects; ${summary.requeued} outbox rows requeued; all ${PINGS} pings and ${MESSAGES} e-mails once\n`);
  }, 240_000);
});
