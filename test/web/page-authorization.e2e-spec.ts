import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import request from 'supertest';
import { MUNICIPALITY_ROLES, ROLES, type Role } from '@klausul/domain';
import { formTokenOf, SESSION_COOKIE } from '@klausul/identity';
import { webRoutes } from '@klausul/runtime';
import { ContractsFactory } from '../support/contracts.factory';
import { IdentityFactory, type TestUser } from '../support/identity.factory';
import { tenantFixture, type TenantIds } from '../support/tenant-fixture';
import { useTestApi } from '../support/test-api';

interface PageCase {
  method: 'get' | 'post';
  /** As the controller declares it, e.g. `supplier/job-orders/:jobOrderId`. */
  route: string;
  path: (ids: TenantIds) => string;
  roles: readonly Role[];
  /** For an allowed role on its own data: GET pages 200; a POST `authorized` = anything but 401/403/404/5xx (303 or a 4xx form error). */
  ok: number | 'authorized';
  form?: () => Record<string, string>;
  /** The page addresses one municipality's entity: another municipality's id is the 404 page. */
  scoped?: boolean;
  /** The entity belongs to a supplier: another supplier's HR contact gets the 404 page. */
  supplierScoped?: boolean;
  /** A file, not a page (a CV): its own content type when allowed. */
  download?: boolean;
}

const UNIT_AND_ADMIN: Role[] = ['admin', 'procurement_caseworker', 'employment_caseworker'];
const SUPPLIER: Role[] = ['supplier_hr'];
/** Who may propose candidates through the REST API: the jobcenter, and the unit's employment caseworkers and admins. */
const PROPOSERS: Role[] = ['jobcenter_contact', 'employment_caseworker', 'admin'];

/** Every signed-in page. A web route missing from this table or PUBLIC_PAGES fails the completeness test. */
const pages: PageCase[] = [
  { method: 'get', route: 'unit', path: () => '/unit', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: 'supplier', path: () => '/supplier', roles: SUPPLIER, ok: 200 },
  { method: 'get', route: 'supplier/job-orders', path: () => '/supplier/job-orders', roles: SUPPLIER, ok: 200 },
  { method: 'get', route: 'supplier/contracts/:contractId/job-orders/new', path: (t) => `/supplier/contracts/${t.contract}/job-orders/new`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/contracts/:contractId/job-orders/new', path: (t) => `/supplier/contracts/${t.contract}/job-orders/new`, roles: SUPPLIER, ok: 400, scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/job-orders/:jobOrderId', path: (t) => `/supplier/job-orders/${t.jobOrder}`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/job-orders/:jobOrderId/edit', path: (t) => `/supplier/job-orders/${t.jobOrder}/edit`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/job-orders/:jobOrderId/edit', path: (t) => `/supplier/job-orders/${t.jobOrder}/edit`, roles: SUPPLIER, ok: 400, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/job-orders/:jobOrderId/submit', path: (t) => `/supplier/job-orders/${t.jobOrder}/submit`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/job-orders/:jobOrderId/close', path: (t) => `/supplier/job-orders/${t.jobOrder}/close`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  // A stale version: the 409 proves the role got through without closing the shared fixture's job order.
  { method: 'post', route: 'supplier/job-orders/:jobOrderId/close', path: (t) => `/supplier/job-orders/${t.jobOrder}/close`, roles: SUPPLIER, ok: 'authorized', form: () => ({ expectedVersion: '999' }), scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/job-orders/:jobOrderId/cancel', path: (t) => `/supplier/job-orders/${t.jobOrder}/cancel`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/job-orders/:jobOrderId/cancel', path: (t) => `/supplier/job-orders/${t.jobOrder}/cancel`, roles: SUPPLIER, ok: 'authorized', form: () => ({ expectedVersion: '999' }), scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/job-orders/:jobOrderId/candidates', path: (t) => `/supplier/job-orders/${t.jobOrder}/candidates`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/candidates/:candidateId/cv', path: (t) => `/supplier/candidates/${t.candidate}/cv`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true, download: true },
  { method: 'post', route: 'supplier/candidates/:candidateId/interview', path: (t) => `/supplier/candidates/${t.candidate}/interview`, roles: SUPPLIER, ok: 400, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/candidates/:candidateId/hire', path: (t) => `/supplier/candidates/${t.candidate}/hire`, roles: SUPPLIER, ok: 400, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/candidates/:candidateId/reject', path: (t) => `/supplier/candidates/${t.candidate}/reject`, roles: SUPPLIER, ok: 400, scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/reviews/:reviewId', path: (t) => `/supplier/reviews/${t.review}`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/reviews/:reviewId', path: (t) => `/supplier/reviews/${t.review}`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/reviews/:reviewId/receipt', path: (t) => `/supplier/reviews/${t.review}/receipt`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/contracts/:contractId/employees', path: (t) => `/supplier/contracts/${t.contract}/employees`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  // Empty forms: the field errors prove the role got through, and nothing changes.
  { method: 'post', route: 'supplier/contracts/:contractId/employees/:placementId/hours', path: (t) => `/supplier/contracts/${t.contract}/employees/${t.placement}/hours`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/contracts/:contractId/employees/:placementId/end', path: (t) => `/supplier/contracts/${t.contract}/employees/${t.placement}/end`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true },
  { method: 'get', route: 'jobcenter', path: () => '/jobcenter', roles: PROPOSERS, ok: 200 },
  { method: 'get', route: 'jobcenter/job-orders/:jobOrderId', path: (t) => `/jobcenter/job-orders/${t.jobOrder}`, roles: PROPOSERS, ok: 200, scoped: true },
  { method: 'get', route: 'jobcenter/job-orders/:jobOrderId/propose', path: (t) => `/jobcenter/job-orders/${t.jobOrder}/propose`, roles: PROPOSERS, ok: 200, scoped: true },
  // An empty form: the field errors (400) prove the role got through, and nothing is stored.
  { method: 'post', route: 'jobcenter/job-orders/:jobOrderId/propose', path: (t) => `/jobcenter/job-orders/${t.jobOrder}/propose`, roles: PROPOSERS, ok: 400, scoped: true },
  { method: 'get', route: 'account/password', path: () => '/account/password', roles: ROLES, ok: 200 },
  // A wrong current password: the form's 400, which proves the role got through and changes nothing.
  { method: 'post', route: 'account/password', path: () => '/account/password', roles: ROLES, ok: 400, form: () => ({ currentPassword: 'not the password', newPassword: 'a long enough new passphrase', newPasswordRepeat: 'a long enough new passphrase' }) },
];

/** Pages anyone may open (the signed monthly link is its own credential). */
const PUBLIC_PAGES = [
  'get /', 'get tilgaengelighed', 'get language/:code', 'get login', 'post login', 'post logout',
  'get invitation/:token', 'post invitation/:token', 'get forgot-password', 'post forgot-password', 'get forgot-password/sent',
  'get reset-password/:token', 'post reset-password/:token',
  'get confirm/:token', 'post confirm/:token', 'get confirm/:token/receipt',
];

describe('authorization of the web pages: every page x every role x own and other municipality and supplier', () => {
  let app: INestApplication;
  let factory: IdentityFactory;
  const users = new Map<Role, TestUser>();
  let otherSupplierHr: TestUser;
  let own: TenantIds;
  let other: TenantIds;

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    factory = new IdentityFactory(app);
    const contracts = new ContractsFactory(app);
    const ownMunicipality = await factory.municipality();
    own = await tenantFixture(app, factory, contracts, ownMunicipality.id);
    other = await tenantFixture(app, factory, contracts, (await factory.municipality()).id);
    for (const role of ROLES) {
      users.set(role, await factory.user({ role, municipalityId: ownMunicipality.id, ...(role === 'supplier_hr' ? { supplierId: own.supplier } : {}) }));
    }
    otherSupplierHr = await factory.user({ role: 'supplier_hr', municipalityId: ownMunicipality.id, supplierId: own.otherSupplier });
  });

  /** A browser with a session cookie; a form post carries that session's token. */
  const call = (page: PageCase, ids: TenantIds, session?: string) => {
    const req = request(app.getHttpServer())[page.method](page.path(ids));
    if (session) req.set('Cookie', `${SESSION_COOKIE}=${session}`);
    if (page.method === 'get') return req;
    return req.type('form').send({ ...(session ? { _csrf: formTokenOf(session) } : {}), ...(page.form?.() ?? {}) });
  };

  it('covers every web route', () => {
    const served = webRoutes(app).map((r) => `${RequestMethod[r.method].toLowerCase()} ${r.path}`);
    const covered = [...pages.map((p) => `${p.method} ${p.route}`), ...PUBLIC_PAGES];
    expect(served.filter((route) => !covered.includes(route))).toEqual([]);
    expect(covered.filter((route) => !served.includes(route))).toEqual([]);
  });

  describe.each(pages.map((page) => [`${page.method.toUpperCase()} /${page.route}`, page] as const))('%s', (_name, page) => {
    it('sends a visitor without a session to the login page (a form post is refused)', async () => {
      const res = await call(page, own);
      if (page.method === 'get') {
        expect(res.status).toBe(303);
        expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(page.path(own))}`);
      } else expect(res.status).toBe(403);
    });

    it.each(ROLES)('as %s on its own municipality', async (role) => {
      const res = await call(page, own, await factory.session(users.get(role)!));
      const allowedFile = page.download && res.status === 200;
      if (!allowedFile && (res.status < 300 || res.status >= 400)) expect(res.headers['content-type']).toMatch(/^text\/html/);
      if (!page.roles.includes(role)) expect({ role, status: res.status }).toEqual({ role, status: 403 });
      else if (page.ok === 'authorized') expect({ role, status: res.status, refused: [401, 403, 404].includes(res.status) || res.status >= 500 }).toMatchObject({ role, refused: false });
      else expect({ role, status: res.status }).toEqual({ role, status: page.ok });
    });

    if (page.supplierScoped && page.roles.includes('supplier_hr')) {
      it("as another supplier's HR contact", async () => {
        const res = await call(page, own, await factory.session(otherSupplierHr));
        expect(res.status).toBe(404);
      });
    }

    if (page.scoped) {
      it.each(MUNICIPALITY_ROLES)("as %s on another municipality's id", async (role) => {
        const res = await call(page, other, await factory.session(users.get(role)!));
        expect({ role, status: res.status }).toEqual({ role, status: page.roles.includes(role) ? 404 : 403 });
      });
    }
  });
});
