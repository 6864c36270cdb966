import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import request from 'supertest';
import { MUNICIPALITY_ROLES, ROLES, type Role } from '@klausul/domain';
import { formTokenOf, SESSION_COOKIE } from '@klausul/identity';
import { webRoutes } from '@klausul/runtime';
import { ContractsFactory } from '../support/contracts.factory';
import { IdentityFactory, type TestUser } from '../support/identity.factory';
import { tenantFixture, type TenantIds } from '../support/tenant-fixture';
import { type PageCase, pages, PUBLIC_PAGES } from '../support/web-pages';
import { useTestApi } from '../support/test-api';

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
