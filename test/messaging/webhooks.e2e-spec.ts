import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MessageService, verifyWebhookSignature, WebhookEndpointRepository, type WebhookDraft } from '@klausul/messaging';
import { createApiApplication } from '@klausul/runtime';
import { bearer, IdentityFactory, type TestUser } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, queueBackends, testRuntime } from '../support/test-runtime';
import { WebhookReceiver } from './webhook-receiver';

const SECRET = 'jobcenter-odense-webhook-secret';

describe.each(queueBackends)('messages by webhook on the %s queue backend', (backend) => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  let caseworker: TestUser;
  let token: string;
  let receiver: WebhookReceiver;
  let baseUrl: string;
  let counter = 0;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    baseUrl = await receiver.start();
    db = await createTestDatabase();
    runtime = testRuntime(db.url, backend, { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });
    app = await createApiApplication(runtime);
    await app.init();
    ({ user: caseworker, token } = await new IdentityFactory(app).signedIn({ role: 'employment_caseworker' }));
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.stop();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  /** A new endpoint of the caseworker's municipality on its own receiver path. */
  const endpoint = async (statuses: number[] = [200], municipalityId = caseworker.municipalityId) => {
    const path = `/hooks/${++counter}`;
    receiver.script(path, statuses);
    const created = await app.get(WebhookEndpointRepository).create(app.get(DataSource).manager, {
      municipalityId, name: `Jobcenter ${counter}`, url: `${baseUrl}${path}`, secret: SECRET,
    });
    return { id: created.id, path };
  };
  const compose = (draft: Partial<WebhookDraft> & { endpointId: string }) =>
    app.get(DataSource).transaction(async (manager) => {
      const [id] = await app.get(MessageService).composeWebhook(manager, [
        { municipalityId: caseworker.municipalityId, event: 'job-description.forwarded', data: { jobOrderId: 'jo-1', positions: 2 }, ...draft },
      ]);
      return id;
    });
  const message = (id: string) => request(app.getHttpServer()).get(`/api/v1/messages/${id}`).set(bearer(token));
  const until = (id: string, status: string, timeoutMs = 15_000) =>
    eventually(async () => {
      const res = await message(id).expect(200);
      return res.body.deliveryStatus === status ? res.body : undefined;
    }, timeoutMs);

  it('POSTs the JSON signed with the endpoint secret, and logs it as delivered', async () => {
    const hook = await endpoint();
    const id = await compose({ endpointId: hook.id });
    const delivered = await until(id, 'delivered');
    expect(delivered).toMatchObject({
      channel: 'webhook', recipient: `${baseUrl}${hook.path}`, webhookEndpointId: hook.id, attempts: 1, providerId: 'HTTP 200',
    });

    const [received] = receiver.on(hook.path);
    expect(received.headers['content-type']).toMatch(/^application\/json/);
    expect(received.headers['x-klausul-message-id']).toBe(id);
    expect(received.headers['x-klausul-event']).toBe('job-description.forwarded');
    const timestamp = received.headers['x-klausul-timestamp'] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const signature = received.headers['x-klausul-signature'] as string;
    expect(verifyWebhookSignature(SECRET, timestamp, received.body, signature, new Date())).toBe(true);
    expect(verifyWebhookSignature('another-secret-of-sufficient-size', timestamp, received.body, signature, new Date())).toBe(false);
    expect(JSON.parse(received.body)).toEqual({
      id, type: 'job-description.forwarded', createdAt: expect.any(String), data: { jobOrderId: 'jo-1', positions: 2 },
    });
    expect(delivered.text).toBe(received.body);
  });

  it('retries a receiver that answers 500 and delivers once when it answers 200', async () => {
    const hook = await endpoint([500, 500, 200]);
    const id = await compose({ endpointId: hook.id });
    const delivered = await until(id, 'delivered', 30_000);

    const requests = receiver.on(hook.path).filter((r) => r.headers['x-klausul-message-id'] === id);
    expect(requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(delivered).toMatchObject({ attempts: 3, lastError: null });
    // Every attempt is signed afresh, and each signature holds for its own timestamp.
    for (const r of requests) {
      expect(verifyWebhookSignature(SECRET, r.headers['x-klausul-timestamp'] as string, r.body, r.headers['x-klausul-signature'] as string, new Date())).toBe(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.on(hook.path)).toHaveLength(3);
  }, 40_000);

  it('marks a message the receiver refuses (400) failed at once, and delivers it on retry once fixed', async () => {
    const hook = await endpoint([400]);
    const id = await compose({ endpointId: hook.id });
    const failed = await until(id, 'failed');
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, lastError: expect.stringContaining('HTTP 400') });
    expect(failed.lastError).not.toContain(baseUrl);

    const jobcenter = await new IdentityFactory(app).signedIn({ role: 'jobcenter_contact', municipalityId: caseworker.municipalityId });
    await request(app.getHttpServer()).post(`/api/v1/messages/${id}/retry`).set(bearer(jobcenter.token)).expect(403);
    const stranger = await new IdentityFactory(app).signedIn({ role: 'employment_caseworker' });
    await request(app.getHttpServer()).post(`/api/v1/messages/${id}/retry`).set(bearer(stranger.token)).expect(404);

    receiver.script(hook.path, [200]);
    const retried = await request(app.getHttpServer()).post(`/api/v1/messages/${id}/retry`).set(bearer(token)).expect(200);
    expect(retried.body.deliveryStatus).toBe('pending');
    const delivered = await until(id, 'delivered');
    expect(delivered).toMatchObject({ attempts: 2, lastError: null, providerId: 'HTTP 200' });
    expect(receiver.on(hook.path).map((r) => r.status)).toEqual([400, 200]);
  });

  it('answers a retry of a message that did not fail with the message, unchanged', async () => {
    const hook = await endpoint();
    const id = await compose({ endpointId: hook.id });
    await until(id, 'delivered');
    const res = await request(app.getHttpServer()).post(`/api/v1/messages/${id}/retry`).set(bearer(token)).expect(200);
    expect(res.body).toMatchObject({ id, deliveryStatus: 'delivered', attempts: 1 });
  });

  it('logs the event as template and subject unless a subject is given, and several drafts at once', async () => {
    const [a, b] = [await endpoint(), await endpoint()];
    const ids = await app.get(DataSource).transaction((manager) =>
      app.get(MessageService).composeWebhook(manager, [
        { municipalityId: caseworker.municipalityId, endpointId: a.id, event: 'placement.confirmed', data: { placementId: 'p1' } },
        { municipalityId: caseworker.municipalityId, endpointId: b.id, event: 'placement.confirmed', data: {}, subject: 'Ansættelse bekræftet',
          related: { type: 'placement', id: '6f1c1d7e-3a4b-4c5d-8e9f-0a1b2c3d4e5f' } },
      ]),
    );
    const [first, second] = await Promise.all(ids.map((id) => until(id, 'delivered')));
    expect(first).toMatchObject({ template: 'placement.confirmed', subject: 'placement.confirmed', related: null });
    expect(second).toMatchObject({ subject: 'Ansættelse bekræftet', related: { type: 'placement', id: '6f1c1d7e-3a4b-4c5d-8e9f-0a1b2c3d4e5f' } });
    expect(JSON.stringify([first, second])).not.toContain(SECRET);
    expect(receiver.on(a.path)).toHaveLength(1);
    expect(receiver.on(b.path)).toHaveLength(1);
  });

  it("refuses an endpoint of another municipality, an inactive one, and a message whose endpoint was switched off", async () => {
    const stranger = await new IdentityFactory(app).municipality();
    const theirs = await endpoint([200], stranger.id);
    await expect(compose({ endpointId: theirs.id })).rejects.toThrow(/webhook endpoint .* was not found/);

    const hook = await endpoint();
    await app.get(DataSource).query('UPDATE webhook_endpoint SET active = false WHERE id = $1', [hook.id]);
    await expect(compose({ endpointId: hook.id })).rejects.toThrow(/was not found/);
    await expect(compose({ endpointId: 'not-a-uuid' })).rejects.toThrow(/was not found/);

    // Switched off between compose and delivery: permanent failure, nothing sent.
    const late = await endpoint();
    const id = await app.get(DataSource).transaction(async (manager) => {
      const [messageId] = await app.get(MessageService).composeWebhook(manager, [
        { municipalityId: caseworker.municipalityId, event: 'job-description.forwarded', data: {}, endpointId: late.id },
      ]);
      await manager.query('UPDATE webhook_endpoint SET active = false WHERE id = $1', [late.id]);
      return messageId;
    });
    const failed = await until(id, 'failed');
    expect(failed.lastError).toContain('inactive');
    expect(receiver.on(late.path)).toEqual([]);
  });
});
