import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApplication } from '@klausul/runtime';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, testRuntime } from '../support/test-runtime';

describe('the engine through HTTP: probes, workflows and history', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  let admin: string;
  let municipalityId: string;
  let factory: IdentityFactory;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, 'postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });
    app = await createApiApplication(runtime);
    await app.init();
    factory = new IdentityFactory(app);
    const signedIn = await factory.signedIn({ role: 'admin' });
    admin = signedIn.token;
    municipalityId = signedIn.user.municipalityId;
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  const http = () => request(app.getHttpServer());

  it('runs a ping from HTTP through the outbox and the worker to its effect', async () => {
    const created = await http().post('/api/v1/probes').set(bearer(admin)).send({}).expect(201);
    expect(created.body).toMatchObject({ state: 'open', version: 1, deliveryStatus: 'none', effects: 0 });

    const pinged = await http()
      .post(`/api/v1/probes/${created.body.id}/events/ping`)
      .set(bearer(admin))
      .send({ expectedVersion: 1 })
      .expect(200);
    expect(pinged.body).toMatchObject({ state: 'pinged', version: 2 });

    const delivered = await eventually(async () => {
      const res = await http().get(`/api/v1/probes/${created.body.id}`).set(bearer(admin)).expect(200);
      return res.body.deliveryStatus === 'delivered' ? res.body : undefined;
    });
    expect(delivered.effects).toBe(1);

    const history = await http().get(`/api/v1/probes/${created.body.id}/history`).set(bearer(admin)).expect(200);
    expect(history.body.items.map((h: { event: string }) => h.event)).toEqual(['create', 'ping']);
    expect(history.body.items[1]).toMatchObject({ from: 'open', to: 'pinged', version: 2, actor: { role: 'admin' } });
  });

  it('answers an event the state does not allow with 422 INVALID_TRANSITION and the allowed events', async () => {
    const created = await http().post('/api/v1/probes').set(bearer(admin)).send({}).expect(201);
    const res = await http().post(`/api/v1/probes/${created.body.id}/events/reset`).set(bearer(admin)).send({}).expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'INVALID_TRANSITION', details: { allowedEvents: ['ping', 'close'] } });
  });

  it('answers a failing guard with 422 GUARD_FAILED and its reason', async () => {
    const created = await http().post('/api/v1/probes').set(bearer(admin)).send({}).expect(201);
    const res = await http().post(`/api/v1/probes/${created.body.id}/events/close`).set(bearer(admin)).send({}).expect(422);
    expect(res.body).toMatchObject({ code: 'GUARD_FAILED', message: 'closing a probe needs a reason' });
  });

  it('answers a stale expectedVersion with 409 CONFLICT and the current version', async () => {
    const created = await http().post('/api/v1/probes').set(bearer(admin)).send({}).expect(201);
    await http().post(`/api/v1/probes/${created.body.id}/events/ping`).set(bearer(admin)).send({ expectedVersion: 1 }).expect(200);
    const res = await http().post(`/api/v1/probes/${created.body.id}/events/reset`).set(bearer(admin)).send({ expectedVersion: 1 }).expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
  });

  it('shows a permanently failed side effect and lets an admin retry it', async () => {
    const created = await http().post('/api/v1/probes').set(bearer(admin)).send({ failPermanently: true }).expect(201);
    await http().post(`/api/v1/probes/${created.body.id}/events/ping`).set(bearer(admin)).send({}).expect(200);
    await eventually(async () => {
      const res = await http().get(`/api/v1/probes/${created.body.id}`).set(bearer(admin));
      return res.body.deliveryStatus === 'failed' ? true : undefined;
    });
    await http().post(`/api/v1/probes/${created.body.id}/retry`).set(bearer(admin)).expect(200);
    const delivered = await eventually(async () => {
      const res = await http().get(`/api/v1/probes/${created.body.id}`).set(bearer(admin));
      return res.body.deliveryStatus === 'delivered' ? res.body : undefined;
    });
    expect(delivered.effects).toBe(1);
  });

  it('rejects bad input with 400 naming the problem, and writes nothing', async () => {
    const created = await http().post('/api/v1/probes').set(bearer(admin)).send({}).expect(201);
    const cases: [string, object, RegExp][] = [
      [`/api/v1/probes/${created.body.id}/events/explode`, {}, /event must be one of ping, reset, close, reopen/],
      [`/api/v1/probes/${created.body.id}/events/ping`, { expectedVersion: 'one' }, /expectedVersion/],
      [`/api/v1/probes/${created.body.id}/events/ping`, { expectedVersion: 0 }, /expectedVersion/],
      [`/api/v1/probes/${created.body.id}/events/ping`, { colour: 'red' }, /property colour should not exist/],
      ['/api/v1/probes', { failPermanently: 'yes' }, /failPermanently/],
    ];
    for (const [path, body, message] of cases) {
      const res = await http().post(path).set(bearer(admin)).send(body).expect(400);
      expect(res.body.message).toMatch(message);
    }
    const [{ n }] = await factory.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM workflow_transition WHERE entity_id = $1`,
      [created.body.id],
    );
    expect(n).toBe(1);
  });

  it('lists the workflows with their events and draws each as a Mermaid diagram', async () => {
    const list = await http().get('/api/v1/workflows').set(bearer(admin)).expect(200);
    const probe = list.body.find((w: { name: string }) => w.name === 'probe');
    expect(probe).toMatchObject({ resource: 'probes', initial: 'open' });
    expect(probe.events).toContainEqual({ name: 'ping', from: ['open'], to: 'pinged', roles: ['admin'] });

    const diagram = await http().get('/api/v1/workflows/probe/diagram').set(bearer(admin)).expect(200);
    expect(diagram.headers['content-type']).toMatch(/^text\/plain/);
    expect(diagram.text).toContain('open --> pinged: ping');
    await http().get('/api/v1/workflows/nothing/diagram').set(bearer(admin)).expect(404);
  });

  it("hides another municipality's probe and history behind 404", async () => {
    const created = await http().post('/api/v1/probes').set(bearer(admin)).send({}).expect(201);
    const stranger = (await factory.signedIn({ role: 'admin' })).token;
    expect(municipalityId).toBeDefined();
    await http().get(`/api/v1/probes/${created.body.id}`).set(bearer(stranger)).expect(404);
    await http().get(`/api/v1/probes/${created.body.id}/history`).set(bearer(stranger)).expect(404);
    await http().post(`/api/v1/probes/${created.body.id}/events/ping`).set(bearer(stranger)).send({}).expect(404);
    await http().get('/api/v1/unknown-things/00000000-0000-0000-0000-000000000000/history').set(bearer(admin)).expect(404);
  });
});
