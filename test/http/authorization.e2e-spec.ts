import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import request from 'supertest';
import { ROLES, type Role } from '@klausul/domain';
import { createApiApplication } from '@klausul/runtime';
import { bearer, IdentityFactory, TEST_PASSWORD, type TestUser } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRuntime } from '../support/test-runtime';

/** Entities of one municipality that routes address by id. */
interface TenantIds {
  probe: string;
  user: string;
  apiKey: string;
  message: string;
}

interface RouteCase {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** As documented (OpenAPI form), e.g. /api/v1/users/{id}. */
  route: string;
  path: (ids: TenantIds) => string;
  roles: readonly Role[];
  /** Status for an allowed role on its own municipality's data. */
  ok: number;
  body?: () => object;
  /** Whether the route addresses one municipality's entity (then another municipality's id is a 404). */
  scoped?: boolean;
}

let counter = 0;
const ALL = ROLES;
const ADMIN: Role[] = ['admin'];
const UNIT_AND_ADMIN: Role[] = ['admin', 'procurement_caseworker', 'employment_caseworker'];

/** Every authenticated route. A route the API has but this table lacks fails the completeness test. */
const routes: RouteCase[] = [
  { method: 'get', route: '/api/v1/me', path: () => '/api/v1/me', roles: ALL, ok: 200 },
  {
    method: 'post', route: '/api/v1/me/password', path: () => '/api/v1/me/password', roles: ALL, ok: 204,
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: `a new passphrase ${++counter}` }),
  },
  { method: 'post', route: '/api/v1/auth/logout', path: () => '/api/v1/auth/logout', roles: ALL, ok: 204 },
  { method: 'get', route: '/api/v1/users', path: () => '/api/v1/users', roles: ADMIN, ok: 200 },
  {
    method: 'post', route: '/api/v1/users', path: () => '/api/v1/users', roles: ADMIN, ok: 201,
    body: () => ({ email: `matrix-${++counter}@example.dk`, displayName: 'Matrix', role: 'jobcenter_contact', password: 'long enough password' }),
  },
  { method: 'get', route: '/api/v1/users/{id}', path: (t) => `/api/v1/users/${t.user}`, roles: ADMIN, ok: 200, scoped: true },
  {
    method: 'patch', route: '/api/v1/users/{id}', path: (t) => `/api/v1/users/${t.user}`, roles: ADMIN, ok: 200, scoped: true,
    body: () => ({ displayName: `Renamed ${++counter}` }),
  },
  { method: 'get', route: '/api/v1/api-keys', path: () => '/api/v1/api-keys', roles: ADMIN, ok: 200 },
  { method: 'post', route: '/api/v1/api-keys', path: () => '/api/v1/api-keys', roles: ADMIN, ok: 201, body: () => ({ name: `key ${++counter}`, role: 'jobcenter_contact' }) },
  { method: 'delete', route: '/api/v1/api-keys/{id}', path: (t) => `/api/v1/api-keys/${t.apiKey}`, roles: ADMIN, ok: 204, scoped: true },
  { method: 'get', route: '/api/v1/audit', path: () => '/api/v1/audit', roles: ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/audit/access-log', path: () => '/api/v1/audit/access-log', roles: ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/workflows', path: () => '/api/v1/workflows', roles: ALL, ok: 200 },
  { method: 'get', route: '/api/v1/workflows/{name}/diagram', path: () => '/api/v1/workflows/probe/diagram', roles: ALL, ok: 200 },
  { method: 'get', route: '/api/v1/{resource}/{id}/history', path: (t) => `/api/v1/probes/${t.probe}/history`, roles: ADMIN, ok: 200, scoped: true },
  { method: 'post', route: '/api/v1/probes', path: () => '/api/v1/probes', roles: ADMIN, ok: 201, body: () => ({}) },
  { method: 'get', route: '/api/v1/probes/{id}', path: (t) => `/api/v1/probes/${t.probe}`, roles: ADMIN, ok: 200, scoped: true },
  {
    method: 'post', route: '/api/v1/probes/{id}/events/{event}', path: (t) => `/api/v1/probes/${t.probe}/events/close`, roles: ADMIN, ok: 200, scoped: true,
    body: () => ({ reason: 'matrix' }),
  },
  { method: 'get', route: '/api/v1/messages', path: () => '/api/v1/messages', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/messages/{id}', path: (t) => `/api/v1/messages/${t.message}`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'post', route: '/api/v1/probes/{id}/retry', path: (t) => `/api/v1/probes/${t.probe}/retry`, roles: ADMIN, ok: 200, scoped: true },
];

/** Routes anyone may call. */
const PUBLIC_ROUTES = ['get /health', 'get /health/ready', 'post /api/v1/auth/login'];

describe('authorization: every route x every role x own and other municipality', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let factory: IdentityFactory;
  const users = new Map<Role, TestUser>();
  let own: TenantIds;
  let other: TenantIds;

  async function tenant(municipalityId: string): Promise<TenantIds> {
    const admin = await factory.user({ role: 'admin', municipalityId });
    const token = await factory.session(admin);
    const probe = await request(app.getHttpServer()).post('/api/v1/probes').set(bearer(token)).send({}).expect(201);
    const target = await factory.user({ role: 'jobcenter_contact', municipalityId });
    const key = await factory.apiKey({ municipalityId });
    const [message] = await factory.query<{ id: string }>(
      `INSERT INTO message (municipality_id, channel, template, recipient, subject, body_text)
       VALUES ($1, 'email', 'test', 'hr@example.dk', 'Emne', 'Tekst') RETURNING id`,
      [municipalityId],
    );
    return { probe: probe.body.id, user: target.id, apiKey: key.id, message: message.id };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApplication(testRuntime(db.url, 'postgres', { RUN_WORKER: 'false' }));
    await app.init();
    factory = new IdentityFactory(app);
    const ownMunicipality = await factory.municipality();
    for (const role of ROLES) users.set(role, await factory.user({ role, municipalityId: ownMunicipality.id }));
    own = await tenant(ownMunicipality.id);
    other = await tenant((await factory.municipality()).id);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = async (route: RouteCase, ids: TenantIds, token?: string) => {
    const req = request(app.getHttpServer())[route.method](route.path(ids));
    if (token) req.set(bearer(token));
    return req.send(route.body?.() ?? undefined);
  };

  it('covers every route the API documents', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    const covered = [...routes.map((r) => `${r.method} ${r.route}`), ...PUBLIC_ROUTES];
    expect(documented.filter((route) => !covered.includes(route))).toEqual([]);
  });

  describe.each(routes.map((route) => [`${route.method.toUpperCase()} ${route.route}`, route] as const))('%s', (_name, route) => {
    it('answers 401 without credentials', async () => {
      const res = await call(route, own);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it.each(ROLES)('as %s on its own municipality', async (role) => {
      const token = await factory.session(users.get(role)!);
      const res = await call(route, own, token);
      expect({ role, status: res.status }).toEqual({ role, status: route.roles.includes(role) ? route.ok : 403 });
    });

    if (route.scoped) {
      it.each(ROLES)("as %s on another municipality's id", async (role) => {
        const token = await factory.session(users.get(role)!);
        const res = await call(route, other, token);
        expect({ role, status: res.status }).toEqual({ role, status: route.roles.includes(role) ? 404 : 403 });
      });
    }
  });

  it('opens the queue dashboard to admins only', async () => {
    for (const role of ROLES) {
      const token = await factory.session(users.get(role)!);
      const res = await request(app.getHttpServer()).get('/admin/queues').set(bearer(token));
      expect({ role, status: res.status }).toEqual({ role, status: role === 'admin' ? 200 : 403 });
    }
    await request(app.getHttpServer()).get('/admin/queues').expect(401);
  });
});
