import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '@klausul/queue';
import { bearer, IdentityFactory, login } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';
import { concretePath, expressRoutes, type MountedRoute } from './express-routes';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const OPERATOR = { email: 'drift@klausul.test', password: 'the operator passphrase' };
const PARAMETERS = { queueName: QueueName.Workflow, queueStatus: 'completed', jobId: 'no-such-job', schedulerId: 'no-such-scheduler' };
/** What the attacker sent: a deadline for another municipality's review. */
const ADD_JOB = { name: 'review-deadline', data: { entityId: '5f0c3a7e-6d2b-4c1a-9f3e-2b8d7c6a5e41' } };

describe("#12.1: the queue dashboard is the installation operator's, read-only by default", () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false', OPERATOR_EMAIL: OPERATOR.email, OPERATOR_PASSWORD: OPERATOR.password });
  let routes: MountedRoute[];
  let tokens: { operator: string; admin: string };

  beforeAll(async () => {
    const identity = new IdentityFactory(api.app);
    tokens = { operator: await login(api.app, OPERATOR.email, OPERATOR.password), admin: (await identity.signedIn({ role: 'admin' })).token };
    routes = expressRoutes(api.app).filter((r) => r.path === '/admin/queues' || r.path.startsWith('/admin/queues/'));
  });

  const queue = () => api.app.get<Queue>(getQueueToken(QueueName.Workflow), { strict: false });
  const state = async () => ({ paused: await queue().isPaused(), counts: await queue().getJobCounts(), schedulers: await queue().getJobSchedulersCount() });
  const call = (route: MountedRoute, token?: string) => {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = api.http()[method](concretePath(route.path, PARAMETERS, 'x'));
    if (token) req.set(bearer(token));
    return SAFE.has(route.method) ? req : req.send(ADD_JOB);
  };

  it('lists the dashboard routes from the running router, reads and writes', () => {
    expect(routes.filter((r) => SAFE.has(r.method)).length).toBeGreaterThanOrEqual(10);
    expect(routes.filter((r) => !SAFE.has(r.method)).length).toBeGreaterThanOrEqual(20);
  });

  it("gives a municipality's admin 403 on every dashboard route, read and write, and changes nothing", async () => {
    const before = await state();
    const answers = [];
    for (const route of routes) answers.push({ route: `${route.method} ${route.path}`, status: (await call(route, tokens.admin)).status });
    expect(answers.filter((a) => a.status !== 403)).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('answers 401 without credentials', async () => {
    for (const route of routes) expect({ route: route.path, status: (await call(route)).status }).toEqual({ route: route.path, status: 401 });
  });

  it('lets the operator read every route but write none while QUEUE_DASHBOARD_WRITES is off', async () => {
    const before = await state();
    const reads = [];
    const writes = [];
    for (const route of routes) {
      const res = await call(route, tokens.operator);
      if (SAFE.has(route.method)) reads.push({ route: route.path, refused: [401, 403].includes(res.status) || res.status >= 500 });
      else writes.push({ route: `${route.method} ${route.path}`, status: res.status, code: res.body.code });
    }
    expect(reads.filter((r) => r.refused)).toEqual([]);
    expect(writes.filter((w) => w.status !== 403 || w.code !== 'FORBIDDEN')).toEqual([]);
    expect(await state()).toEqual(before);
    const page = await api.http().get('/admin/queues').set(bearer(tokens.operator)).expect(200);
    expect(page.text).toContain('<html');
  });

  it('keeps the operator out of every municipality route, and out of the municipality admin’s user management', async () => {
    const operatorMe = await api.http().get('/api/v1/me').set(bearer(tokens.operator)).expect(200);
    expect(operatorMe.body.role).toBe('operator');
    for (const path of ['/api/v1/users', '/api/v1/contracts', '/api/v1/messages', '/api/v1/workflows', '/api/v1/audit']) {
      expect({ path, status: (await api.http().get(path).set(bearer(tokens.operator))).status }).toEqual({ path, status: 403 });
    }
    const operatorId = operatorMe.body.id as string;
    // The first admin's municipality holds the operator's row; its admin may neither see, change nor create one.
    const identity = new IdentityFactory(api.app);
    const [{ municipality_id }] = await identity.query<{ municipality_id: string }>('SELECT municipality_id FROM app_user WHERE id = $1', [operatorId]);
    const sameMunicipalityAdmin = await identity.signedIn({ role: 'admin', municipalityId: municipality_id });
    const users = await api.http().get('/api/v1/users?limit=200').set(bearer(sameMunicipalityAdmin.token)).expect(200);
    expect(users.body.items.map((u: { id: string }) => u.id)).not.toContain(operatorId);
    await api.http().get(`/api/v1/users/${operatorId}`).set(bearer(sameMunicipalityAdmin.token)).expect(404);
    await api.http().patch(`/api/v1/users/${operatorId}`).set(bearer(sameMunicipalityAdmin.token)).send({ active: false }).expect(404);
    const created = await api.http().post('/api/v1/users').set(bearer(sameMunicipalityAdmin.token)).send({
      email: 'another-operator@example.test', displayName: 'Ny drift', role: 'operator', password: 'long enough password',
    });
    expect(created.status).toBe(400);
    expect(created.body.message).toContain('role must be one of');
  });
});
