import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import request from 'supertest';
import { MUNICIPALITY_ROLES, ROLES, type Role } from '@klausul/domain';
import { clauseBody, ContractsFactory, meetingBody, screeningBody } from '../support/contracts.factory';
import { bearer, IdentityFactory, TEST_PASSWORD, type TestUser } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { tenantFixture, type TenantIds } from '../support/tenant-fixture';
import { useTestApi } from '../support/test-api';

interface RouteCase {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** As documented (OpenAPI form), e.g. /api/v1/users/{id}. */
  route: string;
  path: (ids: TenantIds) => string;
  roles: readonly Role[];
  /**
   * Status for an allowed role on its own municipality's data; `authorized` where the
   * entity's state decides the outcome (a 422 still proves the role got through):
   * anything but 401, 403, 404 and 5xx.
   */
  ok: number | 'authorized';
  body?: () => object;
  /** Whether the route addresses one municipality's entity (then another municipality's id is a 404). */
  scoped?: boolean;
  /** Whether the entity belongs to a supplier (then another supplier's HR contact gets a 404). */
  supplierScoped?: boolean;
}

let counter = 0;
/** Every role of a municipality: the installation's operator gets 403 on all of these. */
const ALL = MUNICIPALITY_ROLES;
/** The operator too: only its own account. */
const EVERY = ROLES;
const ADMIN: Role[] = ['admin'];
const UNIT_AND_ADMIN: Role[] = ['admin', 'procurement_caseworker', 'employment_caseworker'];
const CONTRACT_READERS: Role[] = [...UNIT_AND_ADMIN, 'supplier_hr'];
const EMPLOYMENT: Role[] = ['employment_caseworker', 'admin'];
const SUPPLIER: Role[] = ['supplier_hr'];
/** The own municipality's forwarded job order and first supplier, for bodies that name one (set in beforeAll). */
const ownFixture = { jobOrder: '00000000-0000-4000-8000-000000000000', supplier: '00000000-0000-4000-8000-000000000000' };
/** Who may invite: an admin anyone, a procurement caseworker a supplier's HR contacts (the body invites one). */
const INVITERS: Role[] = ['admin', 'procurement_caseworker'];

/** A route per event of a workflow: who may fire it comes from the table; the state decides the rest. */
const event = (route: string, path: (t: TenantIds) => string, roles: readonly Role[], body: () => object = () => ({}), supplierScoped = true): RouteCase => ({
  method: 'post', route, path, roles, ok: 'authorized', scoped: true, supplierScoped, body,
});

/** Every authenticated route. A route the API has but this table lacks fails the completeness test. */
const routes: RouteCase[] = [
  { method: 'get', route: '/api/v1/me', path: () => '/api/v1/me', roles: EVERY, ok: 200 },
  {
    method: 'post', route: '/api/v1/me/password', path: () => '/api/v1/me/password', roles: EVERY, ok: 204,
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: `a new passphrase ${++counter}` }),
  },
  { method: 'post', route: '/api/v1/auth/logout', path: () => '/api/v1/auth/logout', roles: EVERY, ok: 204 },
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
  {
    method: 'post', route: '/api/v1/invitations', path: () => '/api/v1/invitations', roles: INVITERS, ok: 201,
    body: () => ({ email: `invitee-${++counter}@example.dk`, role: 'supplier_hr', supplierId: ownFixture.supplier }),
  },
  { method: 'get', route: '/api/v1/invitations', path: () => '/api/v1/invitations', roles: INVITERS, ok: 200 },
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
  { method: 'post', route: '/api/v1/messages/{id}/retry', path: (t) => `/api/v1/messages/${t.message}/retry`, roles: UNIT_AND_ADMIN, ok: 'authorized', scoped: true },
  // Phase 1: suppliers, tenders, contracts, targets, thresholds
  { method: 'post', route: '/api/v1/suppliers', path: () => '/api/v1/suppliers', roles: UNIT_AND_ADMIN, ok: 'authorized', body: () => ({ cvr: '12345674', name: `Matrix ${++counter}` }) },
  { method: 'get', route: '/api/v1/suppliers', path: () => '/api/v1/suppliers', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/suppliers/{id}', path: (t) => `/api/v1/suppliers/${t.supplier}`, roles: CONTRACT_READERS, ok: 200, scoped: true, supplierScoped: true },
  { method: 'post', route: '/api/v1/tenders', path: () => '/api/v1/tenders', roles: UNIT_AND_ADMIN, ok: 'authorized', body: () => ({ title: 'Rengøring', procurementArea: 'cleaning', estimatedValueDkk: 1_000_000, durationMonths: 12, lots: [{ number: 1, title: 'Alt' }] }) },
  { method: 'get', route: '/api/v1/tenders', path: () => '/api/v1/tenders', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/tenders/{id}', path: (t) => `/api/v1/tenders/${t.tender}`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  ...(
    [
      ['screening', () => screeningBody()],
      ['start-dialogue', () => ({})],
      ['meetings', () => meetingBody()],
      ['define-clause', () => ({ clauses: [clauseBody()] })],
      ['publish', () => ({})],
      ['award', () => ({ startDate: '2025-01-01', endDate: '2028-12-31', lots: [{ lotNumber: 1, supplierId: '00000000-0000-4000-8000-000000000000' }] })],
      ['hand-over', () => ({})],
      ['not-suitable', () => ({ reason: 'Ingen egnede opgaver' })],
      ['cancel', () => ({ reason: 'Udbuddet aflyses' })],
    ] as const
  ).map(([step, body]) => event(`/api/v1/tenders/{id}/${step}`, (t) => `/api/v1/tenders/${t.tender}/${step}`, UNIT_AND_ADMIN, body, false)),
  { method: 'get', route: '/api/v1/contracts', path: () => '/api/v1/contracts', roles: CONTRACT_READERS, ok: 200 },
  { method: 'get', route: '/api/v1/contracts/{id}', path: (t) => `/api/v1/contracts/${t.contract}`, roles: CONTRACT_READERS, ok: 200, scoped: true, supplierScoped: true },
  { method: 'get', route: '/api/v1/contracts/{id}/compliance', path: (t) => `/api/v1/contracts/${t.contract}/compliance`, roles: CONTRACT_READERS, ok: 200, scoped: true, supplierScoped: true },
  { method: 'post', route: '/api/v1/contracts/{id}/partners', path: (t) => `/api/v1/contracts/${t.contract}/partners`, roles: UNIT_AND_ADMIN, ok: 'authorized', scoped: true, body: () => ({ supplierId: '00000000-0000-4000-8000-000000000000', kind: 'rsv' }) },
  { method: 'get', route: '/api/v1/alerts', path: () => '/api/v1/alerts', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/targets/{year}', path: () => '/api/v1/targets/2026', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'put', route: '/api/v1/targets/{year}', path: () => '/api/v1/targets/2026', roles: UNIT_AND_ADMIN, ok: 'authorized', body: () => ({ clauseShare: 0.5, hiresUnderClauses: 40 }) },
  { method: 'get', route: '/api/v1/clause-thresholds', path: () => '/api/v1/clause-thresholds', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'put', route: '/api/v1/clause-thresholds', path: () => '/api/v1/clause-thresholds', roles: ADMIN, ok: 'authorized', body: () => ({ minDurationMonths: 6, minValueDkk: 5_000_000 }) },
  // Phase 2: job orders, candidates, placements, the jobcenter's channels
  { method: 'post', route: '/api/v1/contracts/{contractId}/job-orders', path: (t) => `/api/v1/contracts/${t.contract}/job-orders`, roles: SUPPLIER, ok: 201, scoped: true, supplierScoped: true, body: () => jobOrderBody() },
  { method: 'get', route: '/api/v1/job-orders', path: () => '/api/v1/job-orders', roles: [...CONTRACT_READERS, 'jobcenter_contact'], ok: 200 },
  { method: 'get', route: '/api/v1/job-orders/{id}', path: (t) => `/api/v1/job-orders/${t.jobOrder}`, roles: [...CONTRACT_READERS, 'jobcenter_contact'], ok: 200, scoped: true, supplierScoped: true },
  { method: 'patch', route: '/api/v1/job-orders/{id}', path: (t) => `/api/v1/job-orders/${t.jobOrder}`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true, body: () => ({ title: 'Ny titel' }) },
  event('/api/v1/job-orders/{id}/submit', (t) => `/api/v1/job-orders/${t.jobOrder}/submit`, SUPPLIER),
  event('/api/v1/job-orders/{id}/return', (t) => `/api/v1/job-orders/${t.jobOrder}/return`, ['procurement_caseworker', 'admin'], () => ({ comment: 'Mere om vagterne' })),
  event('/api/v1/job-orders/{id}/forward', (t) => `/api/v1/job-orders/${t.jobOrder}/forward`, ['procurement_caseworker', 'admin']),
  event('/api/v1/job-orders/{id}/send-shortlist', (t) => `/api/v1/job-orders/${t.jobOrder}/send-shortlist`, EMPLOYMENT),
  event('/api/v1/job-orders/{id}/close', (t) => `/api/v1/job-orders/${t.jobOrder}/close`, CONTRACT_READERS),
  event('/api/v1/job-orders/{id}/reopen', (t) => `/api/v1/job-orders/${t.jobOrder}/reopen`, UNIT_AND_ADMIN),
  event('/api/v1/job-orders/{id}/cancel', (t) => `/api/v1/job-orders/${t.jobOrder}/cancel`, ['supplier_hr', 'procurement_caseworker', 'admin']),
  { method: 'post', route: '/api/v1/job-orders/{id}/retry', path: (t) => `/api/v1/job-orders/${t.jobOrder}/retry`, roles: UNIT_AND_ADMIN, ok: 'authorized', scoped: true },
  { method: 'post', route: '/api/v1/job-orders/{jobOrderId}/candidates', path: (t) => `/api/v1/job-orders/${t.jobOrder}/candidates`, roles: ['jobcenter_contact', ...EMPLOYMENT], ok: 'authorized', scoped: true, body: () => candidateBody(++counter) },
  { method: 'get', route: '/api/v1/job-orders/{jobOrderId}/candidates', path: (t) => `/api/v1/job-orders/${t.jobOrder}/candidates`, roles: [...CONTRACT_READERS, 'jobcenter_contact'], ok: 200, scoped: true, supplierScoped: true },
  { method: 'get', route: '/api/v1/candidates/{id}', path: (t) => `/api/v1/candidates/${t.candidate}`, roles: [...CONTRACT_READERS, 'jobcenter_contact'], ok: 200, scoped: true, supplierScoped: true },
  { method: 'get', route: '/api/v1/candidates/{id}/cv', path: (t) => `/api/v1/candidates/${t.candidate}/cv`, roles: [...CONTRACT_READERS, 'jobcenter_contact'], ok: 200, scoped: true, supplierScoped: true },
  event('/api/v1/candidates/{id}/shortlist', (t) => `/api/v1/candidates/${t.candidate}/shortlist`, EMPLOYMENT),
  event('/api/v1/candidates/{id}/decline', (t) => `/api/v1/candidates/${t.candidate}/decline`, EMPLOYMENT),
  event('/api/v1/candidates/{id}/interview', (t) => `/api/v1/candidates/${t.candidate}/interview`, SUPPLIER, () => ({ interviewOn: '2025-02-20' })),
  event('/api/v1/candidates/{id}/hire', (t) => `/api/v1/candidates/${t.candidate}/hire`, SUPPLIER, () => ({ startDate: '2025-03-01', weeklyHours: 10, employmentForm: 'flexjob' })),
  event('/api/v1/candidates/{id}/reject', (t) => `/api/v1/candidates/${t.candidate}/reject`, SUPPLIER, () => ({ reason: 'other' })),
  event('/api/v1/candidates/{id}/withdraw', (t) => `/api/v1/candidates/${t.candidate}/withdraw`, ['jobcenter_contact', ...EMPLOYMENT]),
  { method: 'get', route: '/api/v1/placements/{id}', path: (t) => `/api/v1/placements/${t.placement}`, roles: CONTRACT_READERS, ok: 200, scoped: true, supplierScoped: true },
  { method: 'get', route: '/api/v1/contracts/{id}/placements', path: (t) => `/api/v1/contracts/${t.contract}/placements`, roles: CONTRACT_READERS, ok: 200, scoped: true, supplierScoped: true },
  event('/api/v1/placements/{id}/change-hours', (t) => `/api/v1/placements/${t.placement}/change-hours`, CONTRACT_READERS, () => ({ weeklyHours: 12, effectiveFrom: '2025-04-01' })),
  event('/api/v1/placements/{id}/end', (t) => `/api/v1/placements/${t.placement}/end`, CONTRACT_READERS, () => ({ endDate: '2025-01-01', reason: 'other' })),
  { method: 'get', route: '/api/v1/jobcenter-channels', path: () => '/api/v1/jobcenter-channels', roles: ADMIN, ok: 200 },
  { method: 'post', route: '/api/v1/jobcenter-channels', path: () => '/api/v1/jobcenter-channels', roles: ADMIN, ok: 201, body: () => ({ kind: 'email', name: `Kanal ${++counter}`, address: 'jc@example.dk' }) },
  // Before the removal below: a removed channel is not tested.
  { method: 'post', route: '/api/v1/jobcenter-channels/{id}/test', path: (t) => `/api/v1/jobcenter-channels/${t.channel}/test`, roles: ADMIN, ok: 202, scoped: true },
  { method: 'delete', route: '/api/v1/jobcenter-channels/{id}', path: (t) => `/api/v1/jobcenter-channels/${t.channel}`, roles: ADMIN, ok: 204, scoped: true },
  { method: 'get', route: '/api/v1/settings/matching', path: () => '/api/v1/settings/matching', roles: ADMIN, ok: 200 },
  { method: 'put', route: '/api/v1/settings/matching', path: () => '/api/v1/settings/matching', roles: ADMIN, ok: 200, body: () => ({ candidateWorkingDays: 10 }) },
  { method: 'post', route: '/api/v1/reviews/runs', path: () => '/api/v1/reviews/runs', roles: ADMIN, ok: 200, body: () => ({ period: '2025-03' }) },
  { method: 'get', route: '/api/v1/reviews/runs', path: () => '/api/v1/reviews/runs', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/settings/follow-up', path: () => '/api/v1/settings/follow-up', roles: ADMIN, ok: 200 },
  { method: 'put', route: '/api/v1/settings/follow-up', path: () => '/api/v1/settings/follow-up', roles: ADMIN, ok: 200, body: () => ({ reviewRunWorkingDay: 1, reviewRunTime: '08:00' }) },
  { method: 'get', route: '/api/v1/reviews', path: () => '/api/v1/reviews', roles: CONTRACT_READERS, ok: 200 },
  { method: 'get', route: '/api/v1/reviews.csv', path: () => '/api/v1/reviews.csv?period=2025-03', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/reviews.xlsx', path: () => '/api/v1/reviews.xlsx?period=2025-03', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/reviews/{id}', path: (t) => `/api/v1/reviews/${t.review}`, roles: CONTRACT_READERS, ok: 200, scoped: true, supplierScoped: true },
  { method: 'get', route: '/api/v1/reviews/{id}/confirmation', path: (t) => `/api/v1/reviews/${t.review}/confirmation`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  event('/api/v1/reviews/{id}/confirmation', (t) => `/api/v1/reviews/${t.review}/confirmation`, SUPPLIER, () => ({ placements: [] })),
  event('/api/v1/reviews/{id}/correction', (t) => `/api/v1/reviews/${t.review}/correction`, SUPPLIER, () => ({ placements: [] })),
  event('/api/v1/reviews/{id}/conclude', (t) => `/api/v1/reviews/${t.review}/conclude`, UNIT_AND_ADMIN, () => ({ discussion: 'Gennemgået' })),
  { method: 'get', route: '/api/v1/contracts/{id}/compliance-series', path: (t) => `/api/v1/contracts/${t.contract}/compliance-series`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'get', route: '/api/v1/contracts/{id}/retention', path: (t) => `/api/v1/contracts/${t.contract}/retention`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'get', route: '/api/v1/follow-up/dashboard/{year}', path: () => '/api/v1/follow-up/dashboard/2025', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/follow-up/dashboard/{year}/contracts', path: () => '/api/v1/follow-up/dashboard/2025/contracts', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'post', route: '/api/v1/upskilling/programmes', path: () => '/api/v1/upskilling/programmes', roles: UNIT_AND_ADMIN, ok: 201, body: () => ({ name: `Forløb ${++counter}`, capacity: 15, maxDurationMonths: 18 }) },
  { method: 'get', route: '/api/v1/upskilling/programmes', path: () => '/api/v1/upskilling/programmes', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: '/api/v1/upskilling/programmes/{id}', path: (t) => `/api/v1/upskilling/programmes/${t.upskillingProgramme}`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'get', route: '/api/v1/upskilling/programmes/{id}/participants', path: (t) => `/api/v1/upskilling/programmes/${t.upskillingProgramme}/participants`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'post', route: '/api/v1/upskilling/programmes/{id}/participants', path: (t) => `/api/v1/upskilling/programmes/${t.upskillingProgramme}/participants`, roles: UNIT_AND_ADMIN, ok: 'authorized', scoped: true, body: () => ({ name: `Deltager ${++counter}`, startDate: '2025-01-06' }) },
  event('/api/v1/upskilling/participants/{id}/complete', (t) => `/api/v1/upskilling/participants/${t.upskillingParticipant}/complete`, UNIT_AND_ADMIN, () => ({ endDate: '2025-06-30', outcome: 'practicum' }), false),
  event('/api/v1/upskilling/participants/{id}/drop-out', (t) => `/api/v1/upskilling/participants/${t.upskillingParticipant}/drop-out`, UNIT_AND_ADMIN, () => ({ endDate: '2025-06-30' }), false),
  event('/api/v1/upskilling/participants/{id}/propose', (t) => `/api/v1/upskilling/participants/${t.upskillingParticipant}/propose`, UNIT_AND_ADMIN, () => ({ ...candidateBody(++counter), jobOrderId: ownFixture.jobOrder }), false),
  { method: 'post', route: '/api/v1/probes/{id}/retry', path: (t) => `/api/v1/probes/${t.probe}/retry`, roles: ADMIN, ok: 200, scoped: true },
  // Subject access and erasure last: erasure empties the fixture candidate the rows above read.
  { method: 'get', route: '/api/v1/candidates/{id}/export', path: (t) => `/api/v1/candidates/${t.candidate}/export`, roles: EMPLOYMENT, ok: 200, scoped: true },
  { method: 'post', route: '/api/v1/candidates/{id}/erasure', path: (t) => `/api/v1/candidates/${t.candidate}/erasure`, roles: EMPLOYMENT, ok: 204, scoped: true },
];

/** Routes anyone may call. */
const PUBLIC_ROUTES = ['get /health', 'get /health/ready', 'post /api/v1/auth/login', 'get /api/v1/review-links/{token}', 'post /api/v1/review-links/{token}', 'post /api/v1/review-links/{token}/correction',
  'post /api/v1/auth/password-reset', 'post /api/v1/auth/password-reset/{token}', 'get /api/v1/invitations/{token}', 'post /api/v1/invitations/{token}'];

describe('authorization: every route x every role x own and other municipality', () => {
  let app: INestApplication;
  let factory: IdentityFactory;
  let contracts: ContractsFactory;
  const users = new Map<Role, TestUser>();
  let otherSupplierHr: TestUser;
  let own: TenantIds;
  let other: TenantIds;

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    factory = new IdentityFactory(app);
    contracts = new ContractsFactory(app);
    const ownMunicipality = await factory.municipality();
    own = await tenantFixture(app, factory, contracts, ownMunicipality.id);
    ownFixture.jobOrder = own.jobOrder;
    ownFixture.supplier = own.supplier;
    other = await tenantFixture(app, factory, contracts, (await factory.municipality()).id);
    for (const role of ROLES) {
      users.set(role, await factory.user({ role, municipalityId: ownMunicipality.id, ...(role === 'supplier_hr' ? { supplierId: own.supplier } : {}) }));
    }
    otherSupplierHr = await factory.user({ role: 'supplier_hr', municipalityId: ownMunicipality.id, supplierId: own.otherSupplier });
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
      if (!route.roles.includes(role)) expect({ role, status: res.status }).toEqual({ role, status: 403 });
      else if (route.ok === 'authorized') expect({ role, status: res.status, refused: [401, 403, 404].includes(res.status) || res.status >= 500 }).toMatchObject({ role, refused: false });
      else expect({ role, status: res.status, body: res.status === route.ok ? undefined : res.body }).toEqual({ role, status: route.ok, body: undefined });
    });

    if (route.supplierScoped && route.roles.includes('supplier_hr')) {
      it("as another supplier's HR contact", async () => {
        const res = await call(route, own, await factory.session(otherSupplierHr));
        expect(res.status).toBe(404);
      });
    }

    if (route.scoped) {
      it.each(ROLES)("as %s on another municipality's id", async (role) => {
        const token = await factory.session(users.get(role)!);
        const res = await call(route, other, token);
        expect({ role, status: res.status }).toEqual({ role, status: route.roles.includes(role) ? 404 : 403 });
      });
    }
  });

  it("#12.1: opens the queue dashboard to the installation's operator only", async () => {
    for (const role of ROLES) {
      const token = await factory.session(users.get(role)!);
      const res = await request(app.getHttpServer()).get('/admin/queues').set(bearer(token));
      expect({ role, status: res.status }).toEqual({ role, status: role === 'operator' ? 200 : 403 });
    }
    await request(app.getHttpServer()).get('/admin/queues').expect(401);
  });
});
