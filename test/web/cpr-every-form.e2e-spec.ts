import request from 'supertest';
import type { Role } from '@klausul/domain';
import { SESSION_COOKIE } from '@klausul/identity';
import { changedTables, rowSnapshotter } from '../fuzz/row-snapshot';
import { ContractsFactory } from '../support/contracts.factory';
import { IdentityFactory } from '../support/identity.factory';
import { tenantFixture, type TenantIds } from '../support/tenant-fixture';
import { useTestApi } from '../support/test-api';
import { pages } from '../support/web-pages';
import { formsIn, type RenderedForm } from '../support/web-agent';

/** Text a person types that holds a CPR number, in the shapes the input hygiene knows. */
const CPR_SHAPES = ['CPR 010190-1234', '010190 1234', '01.01.90-1234', '0101\u200b901234'];
/** Fields a person types text into (passwords are hashed and never stored, so they are not free text). */
const TYPED = new Set(['text', 'email', 'textarea', 'number', 'tel', 'search']);

/**
 * Every form of every web page, filled as rendered but with a CPR number in every field a
 * person types into, is refused with a 4xx page and changes no row of any table: the web
 * pages hold to the same rule as the REST API (test/privacy/cpr-everywhere).
 */
describe('web pages: no CPR number through any form', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let ids: TenantIds;
  const sessions = new Map<Role, string>();
  let snapshot: () => Promise<Record<string, string>>;

  beforeAll(async () => {
    const identity = new IdentityFactory(api.app);
    const municipality = await identity.municipality();
    ids = await tenantFixture(api.app, identity, new ContractsFactory(api.app), municipality.id);
    for (const role of ['supplier_hr', 'jobcenter_contact', 'employment_caseworker', 'admin', 'procurement_caseworker'] as const) {
      const user = await identity.user({ role, municipalityId: municipality.id, ...(role === 'supplier_hr' ? { supplierId: ids.supplier } : {}) });
      sessions.set(role, await identity.session(user));
    }
    snapshot = await rowSnapshotter((sql, parameters) => identity.query(sql, parameters));
  });

  const formPages = pages.filter((p) => p.method === 'get' && p.ok === 200 && !p.download);

  it.each(formPages.map((p) => [p.route, p] as const))('%s', async (_route, page) => {
    const role = page.roles.find((r) => sessions.has(r))!;
    const cookie = `${SESSION_COOKIE}=${sessions.get(role)}`;
    const html = (await request(api.app.getHttpServer()).get(page.path(ids)).set('Cookie', cookie).expect(200)).text;
    const forms = formsIn(html).filter((form) => form.fields.some((field) => TYPED.has(field.type)));
    let shape = 0;
    for (const form of forms) {
      const before = await snapshot();
      const res = await post(form, cookie, () => CPR_SHAPES[shape++ % CPR_SHAPES.length]);
      expect({ action: form.action, status: res.status, refused: res.status >= 400 && res.status < 500 }).toMatchObject({ action: form.action, refused: true });
      // A refused form is shown again, and showing a page of personal data is itself logged (access_log): no input is stored there.
      const changed = changedTables(before, await snapshot()).filter((table) => table !== 'access_log');
      expect({ action: form.action, changed }).toEqual({ action: form.action, changed: [] });
    }
  });

  function post(form: RenderedForm, cookie: string, cpr: () => string) {
    const values = form.fields
      .filter((field) => !['file', 'checkbox', 'radio'].includes(field.type))
      .map((field) => [field.name, TYPED.has(field.type) ? cpr() : field.value] as const);
    const req = request(api.app.getHttpServer()).post(form.action).set('Cookie', cookie);
    if (!form.multipart) return req.type('form').send(Object.fromEntries(values));
    for (const [name, value] of values) req.field(name, value);
    return req;
  }
});
