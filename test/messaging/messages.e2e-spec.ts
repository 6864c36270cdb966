import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MailSender, MessageService } from '@klausul/messaging';
import { QueueName } from '@klausul/queue';
import { createApiApplication } from '@klausul/runtime';
import { bearer, IdentityFactory, type TestUser } from '../support/identity.factory';
import { hasTag, taggedEmail } from '../support/mail-drafts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, queueBackends, testRuntime } from '../support/test-runtime';

describe.each(queueBackends)('messages by e-mail on the %s queue backend', (backend) => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  let caseworker: TestUser;
  let token: string;
  let mail: MailSender;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, backend, { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });
    app = await createApiApplication(runtime);
    await app.init();
    ({ user: caseworker, token } = await new IdentityFactory(app).signedIn({ role: 'procurement_caseworker' }));
    mail = app.get(MailSender);
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  const compose = (subject: string) =>
    app.get(DataSource).transaction((manager) =>
      app.get(MessageService).compose(manager, [
        taggedEmail(caseworker.municipalityId, 'hr@busselskab.dk', subject),
      ]),
    );
  const message = (id: string) => request(app.getHttpServer()).get(`/api/v1/messages/${id}`).set(bearer(token));
  const caught = (tag: string) => mail.catcher!.received.filter((m) => hasTag(m.subject, tag));

  it('delivers a logged message through a real SMTP conversation and shows it in the log', async () => {
    const [id] = await compose('Stillingsbeskrivelser til kontrakten');
    const delivered = await eventually(async () => {
      const res = await message(id).expect(200);
      return res.body.deliveryStatus === 'delivered' ? res.body : undefined;
    });
    expect(delivered).toMatchObject({ attempts: 1, recipient: 'hr@busselskab.dk', providerId: `<${id}@klausul>` });
    expect(caught('Stillingsbeskrivelser til kontrakten')).toEqual([
      expect.objectContaining({ to: ['hr@busselskab.dk'], messageId: `<${id}@klausul>`, text: expect.stringContaining('Stillingsbeskrivelser til kontrakten') }),
    ]);
    const list = await request(app.getHttpServer()).get('/api/v1/messages').set(bearer(token)).expect(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(id);
  });

  it('retries while the SMTP relay is down and delivers once when it is back', async () => {
    const port = mail.catcher!.port;
    await mail.catcher!.stop();
    const [id] = await compose('Relay nede');
    const failedOnce = await eventually(async () => {
      const res = await message(id);
      return res.body.attempts >= 1 && res.body.lastError ? res.body : undefined;
    });
    expect(failedOnce.deliveryStatus).toBe('pending');

    await mail.catcher!.start(port);
    await eventually(async () => ((await message(id)).body.deliveryStatus === 'delivered' ? true : undefined), 30_000);
    expect(caught('Relay nede')).toHaveLength(1);
  }, 45_000);

  it('sends nothing twice when the same delivery job is replayed', async () => {
    const [id] = await compose('Kun én gang');
    await eventually(async () => ((await message(id)).body.deliveryStatus === 'delivered' ? true : undefined));
    const [row] = await app.get(DataSource).query('SELECT id FROM outbox WHERE entity_id = $1', [id]);
    const replay = await app.get<Queue>(getQueueToken(QueueName.Messages)).add('deliver-message', {
      outboxId: String(row.id), municipalityId: caseworker.municipalityId, entityId: id,
    });
    await eventually(async () => ((await replay.isCompleted()) ? true : undefined));
    expect(caught('Kun én gang')).toHaveLength(1);
  });

  it("keeps another municipality's messages out of sight", async () => {
    const [id] = await compose('Fortroligt');
    const stranger = await new IdentityFactory(app).signedIn({ role: 'procurement_caseworker' });
    await request(app.getHttpServer()).get(`/api/v1/messages/${id}`).set(bearer(stranger.token)).expect(404);
    const list = await request(app.getHttpServer()).get('/api/v1/messages').set(bearer(stranger.token)).expect(200);
    expect(list.body.items).toEqual([]);
  });
});
