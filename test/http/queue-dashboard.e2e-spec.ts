import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { QueueName } from '@klausul/queue';
import { createApiApplication } from '@klausul/runtime';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, queueBackends, testRuntime } from '../support/test-runtime';

describe.each(queueBackends)('the queue dashboard on the %s queue backend', (backend) => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  let factory: IdentityFactory;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, backend);
    app = await createApiApplication(runtime);
    await app.init();
    factory = new IdentityFactory(app);
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  it('is closed to anyone not signed in, and to every role but admin', async () => {
    await request(app.getHttpServer()).get('/admin/queues').expect(401);
    const { token } = await factory.signedIn({ role: 'procurement_caseworker' });
    const res = await request(app.getHttpServer()).get('/admin/queues').set(bearer(token)).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it("shows an admin every queue with its job counts", async () => {
    const { token } = await factory.signedIn({ role: 'admin' });
    await request(app.getHttpServer()).get('/admin/queues').set(bearer(token)).expect(200).expect('Content-Type', /html/);
    const res = await request(app.getHttpServer()).get('/admin/queues/api/queues').set(bearer(token)).expect(200);
    const names = res.body.queues.map((q: { name: string }) => q.name);
    expect(names).toEqual(expect.arrayContaining(Object.values(QueueName)));
  });
});
