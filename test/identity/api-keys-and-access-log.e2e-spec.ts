import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AccessLogService } from '@klausul/identity';
import { DataSource } from 'typeorm';
import { bearer, IdentityFactory, type TestUser } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

describe('API keys and the access log', () => {
  let app: INestApplication;
  let identity: IdentityFactory;
  let admin: TestUser;
  let adminToken: string;
  const http = () => request(app.getHttpServer());

  const api = useTestApi();

  beforeAll(async () => {
    app = api.app;
    identity = new IdentityFactory(app);
    ({ user: admin, token: adminToken } = await identity.signedIn({ role: 'admin' }));
  });

  describe('API keys', () => {
    it('are shown once at creation, stored as a digest, and listed without the secret', async () => {
      const created = await http()
        .post('/api/v1/api-keys')
        .set(bearer(adminToken))
        .send({ name: 'Jobcenter Odense', role: 'jobcenter_contact' })
        .expect(201);
      expect(created.body).toMatchObject({ name: 'Jobcenter Odense', role: 'jobcenter_contact', revokedAt: null });
      expect(created.body.key).toMatch(/^kla_[A-Za-z0-9_-]{43}$/);

      const [row] = await identity.query<{ created_by: string; plain: boolean }>(
        `SELECT created_by, key_hash = convert_to($2, 'UTF8') AS plain FROM api_key WHERE id = $1`,
        [created.body.id, created.body.key],
      );
      expect(row).toEqual({ created_by: admin.id, plain: false });

      const list = await http().get('/api/v1/api-keys').set(bearer(adminToken)).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'Jobcenter Odense' })]);
      expect(JSON.stringify(list.body)).not.toContain(created.body.key);
      expect(list.body.items[0]).not.toHaveProperty('key');
    });

    it('are only for integration roles', async () => {
      const res = await http()
        .post('/api/v1/api-keys')
        .set(bearer(adminToken))
        .send({ name: 'Supplier portal', role: 'supplier_hr' })
        .expect(400);
      expect(res.body.message).toContain('role must be one of: jobcenter_contact, admin');
    });

    it('of another municipality are not found and stay valid', async () => {
      const foreign = await identity.apiKey();
      await http().delete(`/api/v1/api-keys/${foreign.id}`).set(bearer(adminToken)).expect(404);
      const [row] = await identity.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM api_key WHERE id = $1', [foreign.id]);
      expect(row.revoked_at).toBeNull();
    });

    it('stay revoked when revoked twice, and the listing shows when', async () => {
      const key = await identity.apiKey({ municipalityId: admin.municipalityId, role: 'admin' });
      await http().get('/api/v1/users').set('X-API-Key', key.key).expect(200);
      await http().delete(`/api/v1/api-keys/${key.id}`).set(bearer(adminToken)).expect(204);
      await http().delete(`/api/v1/api-keys/${key.id}`).set(bearer(adminToken)).expect(204);
      await http().get('/api/v1/users').set('X-API-Key', key.key).expect(401);
      const list = await http().get('/api/v1/api-keys').set(bearer(adminToken)).expect(200);
      expect(list.body.items.find((k: { id: string }) => k.id === key.id).revokedAt).toEqual(expect.any(String));
    });
  });

  describe('the access log', () => {
    it('returns what AccessLogService recorded, newest first, for the admin’s municipality only', async () => {
      const accessLog = app.get(AccessLogService);
      const caseworker = await identity.user({ municipalityId: admin.municipalityId, role: 'employment_caseworker' });
      const integration = await identity.apiKey({ municipalityId: admin.municipalityId });
      const outsider = await identity.user({ role: 'employment_caseworker' });

      await accessLog.record(caseworker.actor, { action: 'read', subjectType: 'candidate', subjectId: 'c-1' });
      await accessLog.record(integration.actor, { action: 'read', subjectType: 'candidate', subjectId: 'c-2' });
      await accessLog.record(outsider.actor, { action: 'read', subjectType: 'candidate', subjectId: 'c-foreign' });
      // Inside a caller's transaction: written with it.
      await app.get(DataSource).transaction((manager) =>
        accessLog.record(caseworker.actor, { action: 'export', subjectType: 'candidate', subjectId: 'c-3' }, manager),
      );

      const res = await http().get('/api/v1/audit/access-log').set(bearer(adminToken)).expect(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({ action: 'export', subjectId: 'c-3', actorUserId: caseworker.id, actorApiKeyId: null }),
        expect.objectContaining({ action: 'read', subjectId: 'c-2', actorUserId: null, actorApiKeyId: integration.id }),
        expect.objectContaining({ action: 'read', subjectType: 'candidate', subjectId: 'c-1', actorUserId: caseworker.id }),
      ]);
      expect(res.body.nextCursor).toBeNull();
      expect(Date.parse(res.body.items[0].at)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('pages with limit and cursor', async () => {
      const accessLog = app.get(AccessLogService);
      const { user } = await identity.signedIn({ role: 'admin' });
      const { token } = await identity.signedIn({ role: 'admin', municipalityId: user.municipalityId });
      for (const id of ['p-1', 'p-2', 'p-3', 'p-4', 'p-5']) {
        await accessLog.record(user.actor, { action: 'read', subjectType: 'candidate', subjectId: id });
      }

      const first = await http().get('/api/v1/audit/access-log?limit=2').set(bearer(token)).expect(200);
      expect(first.body.items.map((e: { subjectId: string }) => e.subjectId)).toEqual(['p-5', 'p-4']);
      const second = await http().get(`/api/v1/audit/access-log?limit=2&cursor=${first.body.nextCursor}`).set(bearer(token)).expect(200);
      expect(second.body.items.map((e: { subjectId: string }) => e.subjectId)).toEqual(['p-3', 'p-2']);
      const last = await http().get(`/api/v1/audit/access-log?limit=2&cursor=${second.body.nextCursor}`).set(bearer(token)).expect(200);
      expect(last.body).toEqual({ items: [expect.objectContaining({ subjectId: 'p-1' })], nextCursor: null });
    });

    it('rejects a bad page size or cursor with 400', async () => {
      const res = await http().get('/api/v1/audit/access-log?limit=0').set(bearer(adminToken)).expect(400);
      expect(res.body.message).toContain('limit');
      await http().get('/api/v1/audit/access-log?before=abc').set(bearer(adminToken)).expect(400);
      await http().get('/api/v1/audit/access-log?limit=500').set(bearer(adminToken)).expect(400);
    });

    it('cannot be changed or deleted', async () => {
      const { user } = await identity.signedIn();
      await app.get(AccessLogService).record(user.actor, { action: 'read', subjectType: 'candidate', subjectId: 'c-9' });
      await expect(identity.query(`UPDATE access_log SET subject_id = 'x' WHERE subject_id = 'c-9'`)).rejects.toThrow('append-only');
      await expect(identity.query(`DELETE FROM access_log WHERE subject_id = 'c-9'`)).rejects.toThrow('append-only');
    });
  });
});
