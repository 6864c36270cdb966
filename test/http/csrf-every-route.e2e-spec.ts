import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { SESSION_COOKIE } from '@klausul/identity';
import { QueueName } from '@klausul/queue';
import { IdentityFactory } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';
import { concretePath, expressRoutes, type MountedRoute } from './express-routes';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The routes that take no credential (sign-in, password reset, an invitation link, the supplier's link and its sub-routes): a cookie there authenticates nothing, so the rule does not apply. */
const CREDENTIAL_FREE = /^POST \/api\/v1\/(auth\/login|auth\/password-reset(\/:token)?|invitations\/:token|review-links\/:token(\/[a-z-]+)?)$/;
const PARAMETERS = { queueName: QueueName.Workflow, queueStatus: 'failed', jobId: 'no-such-job', schedulerId: 'no-such-scheduler', event: 'close', resource: 'probes', year: '2026' };

describe('#12.2: the CSRF rule on every state-changing route of the process', () => {
  // Writes on: without the CSRF rule the operator's cookie alone could pause every municipality's queue.
  const api = useTestApi('postgres', { RUN_WORKER: 'false', QUEUE_DASHBOARD_WRITES: 'true' });
  let cookies: { operator: string; admin: string };
  let routes: MountedRoute[];

  beforeAll(async () => {
    const identity = new IdentityFactory(api.app);
    const municipality = await identity.municipality();
    const operator = await identity.user({ role: 'operator', municipalityId: municipality.id });
    const admin = await identity.user({ role: 'admin', municipalityId: municipality.id });
    cookies = { operator: `${SESSION_COOKIE}=${await identity.session(operator)}`, admin: `${SESSION_COOKIE}=${await identity.session(admin)}` };
    routes = expressRoutes(api.app).filter((r) => !SAFE.has(r.method));
  });

  /** Every row of every table, and every queue's counts and pause state: what a refused request must leave as it was. */
  const snapshot = async () => {
    const data = api.app.get(DataSource);
    const tables: { name: string }[] = await data.query(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const rows: Record<string, string> = {};
    for (const { name } of tables) {
      const [{ digest }] = await data.query(`SELECT md5(coalesce(string_agg(md5(t::text), ',' ORDER BY md5(t::text)), '')) AS digest FROM ${name} t`);
      rows[name] = digest;
    }
    const queues: Record<string, unknown> = {};
    for (const name of Object.values(QueueName)) {
      const queue = api.app.get<Queue>(getQueueToken(name), { strict: false });
      queues[name] = { paused: await queue.isPaused(), counts: await queue.getJobCounts(), schedulers: await queue.getJobSchedulersCount() };
    }
    return { rows, queues };
  };

  const send = (route: MountedRoute, headers: Record<string, string>) => {
    const path = concretePath(route.path, PARAMETERS, '5f0c3a7e-6d2b-4c1a-9f3e-2b8d7c6a5e41');
    const http = api.http();
    const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
    return http[method](path).set(headers).send({ name: 'review-deadline', data: { entityId: '5f0c3a7e-6d2b-4c1a-9f3e-2b8d7c6a5e41' } });
  };

  it('finds the routes in the running app, the mounted queue dashboard included', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(expect.arrayContaining([
      'PUT /admin/queues/api/queues/:queueName/pause', 'POST /admin/queues/api/queues/:queueName/add', 'PUT /admin/queues/api/queues/:queueName/obliterate',
      'PATCH /admin/queues/api/queues/:queueName/:jobId/update-data', 'POST /api/v1/tenders', 'DELETE /api/v1/api-keys/:id', 'POST /api/v1/auth/login',
    ]));
    expect(names.filter((n) => n.includes(' /admin/queues/')).length).toBeGreaterThanOrEqual(20);
    expect(names.filter((n) => n.includes(' /api/v1/')).length).toBeGreaterThanOrEqual(50);
  });

  it('refuses each one a request carrying only the session cookie (403, nothing changed)', async () => {
    const before = await snapshot();
    const answers: string[] = [];
    for (const route of routes.filter((r) => !CREDENTIAL_FREE.test(`${r.method} ${r.path}`))) {
      const cookie = route.path.startsWith('/admin/queues') ? cookies.operator : cookies.admin;
      const res = await send(route, { Cookie: cookie });
      const refused = res.status === 403 && res.body.code === 'FORBIDDEN' && String(res.body.message).includes('x-klausul-csrf');
      if (!refused) answers.push(`${route.method} ${route.path}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(answers).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('lets the same request through with the header, and leaves the credential-free routes to their own checks', async () => {
    const pause = { method: 'PUT', path: '/admin/queues/api/queues/:queueName/pause' };
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Workflow), { strict: false });
    // #12.1: with QUEUE_DASHBOARD_WRITES=true the operator may change queues.
    expect((await send(pause, { Cookie: cookies.operator, 'X-Klausul-CSRF': '1' })).status).toBe(200);
    expect(await queue.isPaused()).toBe(true);
    expect((await send({ method: 'PUT', path: '/admin/queues/api/queues/:queueName/resume' }, { Cookie: cookies.operator, 'X-Klausul-CSRF': '1' })).status).toBe(200);
    expect(await queue.isPaused()).toBe(false);
    // A municipality's admin may not, with or without the header.
    expect((await send(pause, { Cookie: cookies.admin, 'X-Klausul-CSRF': '1' })).status).toBe(403);
    expect(await queue.isPaused()).toBe(false);

    const login = await api.http().post('/api/v1/auth/login').set('Cookie', cookies.admin).send({ email: 'nobody@example.test', password: 'not the password' });
    expect(login.status).toBe(401);
    const link = await api.http().post('/api/v1/review-links/not-a-token').set('Cookie', cookies.admin).send({ placements: [] });
    expect(link.status).toBe(401);
    const reset = await api.http().post('/api/v1/auth/password-reset').set('Cookie', cookies.admin).send({ email: 'nobody@example.test' });
    expect(reset.status).toBe(202);
    const invitation = await api.http().post('/api/v1/invitations/not-a-token').set('Cookie', cookies.admin).send({ password: 'long enough password' });
    expect(invitation.status).toBe(404);
  });
});
