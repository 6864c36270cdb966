import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApplication } from '@klausul/runtime';
import { freePort } from '../support/free-port';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRuntime } from '../support/test-runtime';

describe('readiness when the queue backend is unreachable', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    const runtime = testRuntime(db.url, 'postgres', { RUN_WORKER: 'false' });
    // Redis configured at a port where nothing listens.
    runtime.config.queue = { ...runtime.config.queue, backend: 'redis', redisUrl: `redis://127.0.0.1:${await freePort()}` };
    app = await createApiApplication(runtime);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    // ioredis's reconnect timer (BullMQ's backoff, capped at 2 s here) outlives Queue.close()
    // when Redis was never reached; let it run out so the test process exits cleanly.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
  });

  it('stays live but answers 503 naming the queue as down', async () => {
    await request(app.getHttpServer()).get('/health').expect(200);
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.queue.status).toBe('down');
  });
});
