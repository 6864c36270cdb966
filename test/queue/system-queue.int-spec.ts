import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { HEARTBEAT_SCHEDULER_ID, QueueName } from '@klausul/queue';
import { createWorkerApplication } from '@klausul/runtime';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, queueBackends, testRuntime } from '../support/test-runtime';

describe.each(queueBackends)('the worker on the %s queue backend', (backend) => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let runtime: ReturnType<typeof testRuntime>;
  let queue: Queue;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    // A long interval: this test adds the heartbeat jobs itself.
    runtime = testRuntime(db.url, backend, { HEARTBEAT_INTERVAL_MS: '3600000' });
    worker = await createWorkerApplication(runtime);
    await worker.init();
    queue = worker.get<Queue>(getQueueToken(QueueName.System));
    dataSource = worker.get(DataSource);
  });

  afterAll(async () => {
    await worker?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  const heartbeatRows = () =>
    dataSource.query<{ worker_id: string; queue_backend: string; last_beat_at: Date }[]>('SELECT * FROM worker_heartbeat');

  it('registers the heartbeat scheduler once, however many times a worker starts', async () => {
    const heartbeat = (await queue.getJobSchedulers()).filter((s) => s.key === HEARTBEAT_SCHEDULER_ID || s.id === HEARTBEAT_SCHEDULER_ID);
    expect(heartbeat).toHaveLength(1);
    expect(heartbeat[0].every).toBe(3_600_000);
  });

  it('processes a queued job and records its effect in PostgreSQL', async () => {
    await dataSource.query('DELETE FROM worker_heartbeat');
    const before = Date.now();
    const job = await queue.add('record-heartbeat', {});
    await eventually(async () => ((await job.isCompleted()) ? true : undefined));

    const rows = await heartbeatRows();
    expect(rows).toHaveLength(1);
    expect(rows[0].queue_backend).toBe(backend);
    expect(rows[0].last_beat_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});
