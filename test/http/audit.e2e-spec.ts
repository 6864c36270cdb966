import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AccessLogService } from '@klausul/identity';
import { bearer, IdentityFactory, type TestUser } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

describe('the audit trail', () => {
  let app: INestApplication;
  let factory: IdentityFactory;
  let admin: TestUser;
  let token: string;
  const http = () => request(app.getHttpServer());

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    factory = new IdentityFactory(app);
    ({ user: admin, token } = await factory.signedIn({ role: 'admin' }));
  });

  it('lists every change and every read of personal data in the municipality, newest first', async () => {
    const probe = await http().post('/api/v1/probes').set(bearer(token)).send({}).expect(201);
    await http().post(`/api/v1/probes/${probe.body.id}/events/ping`).set(bearer(token)).send({}).expect(200);
    await app.get(AccessLogService).record(admin.actor, { action: 'read-cv', subjectType: 'candidate', subjectId: 'c-1' });

    const res = await http().get('/api/v1/audit?limit=3').set(bearer(token)).expect(200);
    expect(res.body.items.map((e: { kind: string; action: string }) => [e.kind, e.action])).toEqual([
      ['read', 'read-cv'],
      ['change', 'ping'],
      ['change', 'create'],
    ]);
    expect(res.body.items[1]).toMatchObject({ subject: { type: 'probe', id: probe.body.id }, from: 'open', to: 'pinged', actor: { userId: admin.id, role: 'admin' } });

    const older = await http().get(`/api/v1/audit?before=${encodeURIComponent(res.body.items[1].at)}`).set(bearer(token)).expect(200);
    expect(older.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it("shows another municipality's admin none of it, and is closed to other roles", async () => {
    const stranger = await factory.signedIn({ role: 'admin' });
    const res = await http().get('/api/v1/audit').set(bearer(stranger.token)).expect(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
    const caseworker = await factory.signedIn({ role: 'employment_caseworker', municipalityId: admin.municipalityId });
    await http().get('/api/v1/audit').set(bearer(caseworker.token)).expect(403);
  });

  it('rejects a bad page request with 400 naming the parameter', async () => {
    const res = await http().get('/api/v1/audit?limit=0&before=yesterday').set(bearer(token)).expect(400);
    expect(res.body.message).toMatch(/limit/);
    expect(res.body.message).toMatch(/before/);
  });
});
