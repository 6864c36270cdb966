import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApplication } from '@klausul/runtime';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, queueBackends, testRuntime } from '../support/test-runtime';

describe.each(queueBackends)('the API on the %s queue backend', (backend) => {
  let db: TestDatabase;
  let app: INestApplication;
  const runtime = () => testRuntime(db.url, backend, { RUN_WORKER: 'true', HEARTBEAT_INTERVAL_MS: '500' });
  let current: ReturnType<typeof runtime>;

  beforeAll(async () => {
    db = await createTestDatabase();
    current = runtime();
    app = await createApiApplication(current);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(current);
    await db?.drop();
  });

  it('answers the liveness probe', async () => {
    await request(app.getHttpServer()).get('/health').expect(200, { status: 'ok' });
  });

  it('reports ready with the database and its queue backend up', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.queue).toMatchObject({ status: 'up', backend });
  });

  it('shows that the in-process worker has run a scheduled job', async () => {
    const beat = await eventually(async () => {
      const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
      return res.body.lastWorkerHeartbeatAt as string | null;
    });
    expect(Date.now() - Date.parse(beat)).toBeLessThan(60_000);
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(res.body.info.title).toBe('Klausul API');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/health/ready']));
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404 });
  });
});
