import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ContractsFactory } from '../support/contracts.factory';
import { FollowupFactory } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

/** A list route is one whose 200 answer is documented as a page: `{ items, nextCursor }`. */
function listRoutes(document: ReturnType<typeof SwaggerModule.createDocument>): string[] {
  return Object.entries(document.paths)
    .filter(([, item]) => {
      const schema = (item.get?.responses?.['200'] as { content?: Record<string, { schema?: { properties?: object } }> } | undefined)?.content?.[
        'application/json'
      ]?.schema;
      return !!schema?.properties && 'nextCursor' in schema.properties;
    })
    .map(([path]) => path)
    .sort();
}

describe('paging: one convention on every list route', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let follow: FollowupFactory;
  let c: Awaited<ReturnType<FollowupFactory['case']>>;
  let jobOrderId: string;
  let programmeId: string;

  beforeAll(async () => {
    follow = new FollowupFactory(api.app);
    c = await follow.case();
    const draft = await api.http().post(`/api/v1/contracts/${c.contracts[0]}/job-orders`).set(bearer(c.hr[0].token)).send(jobOrderBody()).expect(201);
    jobOrderId = draft.body.id;
    const programme = await api.http().post('/api/v1/upskilling/programmes').set(bearer(c.unit.admin.token)).send({ name: 'Rengøringsskolen', capacity: 15, maxDurationMonths: 18 }).expect(201);
    programmeId = programme.body.id;
  });

  /** The path of a list route with real ids of this test's data; a new list route must be added here. */
  function concrete(route: string): string {
    const values: Record<string, string> = {
      '/api/v1/job-orders/{jobOrderId}/candidates': `/api/v1/job-orders/${jobOrderId}/candidates`,
      '/api/v1/contracts/{id}/placements': `/api/v1/contracts/${c.contracts[0]}/placements`,
      '/api/v1/{resource}/{id}/history': `/api/v1/job-orders/${jobOrderId}/history`,
      '/api/v1/follow-up/dashboard/{year}/contracts': '/api/v1/follow-up/dashboard/2026/contracts',
      '/api/v1/upskilling/programmes/{id}/participants': `/api/v1/upskilling/programmes/${programmeId}/participants`,
    };
    if (!route.includes('{')) return route;
    const path = values[route];
    if (!path) throw new Error(`paging test: give the list route ${route} a concrete path`);
    return path;
  }

  it('finds the list routes in the OpenAPI document', () => {
    const routes = listRoutes(SwaggerModule.createDocument(api.app, new DocumentBuilder().build()));
    expect(routes).toEqual(expect.arrayContaining(['/api/v1/contracts', '/api/v1/alerts', '/api/v1/follow-up/dashboard/{year}/contracts']));
  });

  it('every list route refuses limit=10000 and a foreign cursor with a 400 naming the parameter, and returns at most `limit` rows', async () => {
    const routes = listRoutes(SwaggerModule.createDocument(api.app, new DocumentBuilder().build()));
    const problems: string[] = [];
    for (const route of routes) {
      const path = concrete(route);
      // The first role of the unit the route lets in.
      let token = c.unit.procurement.token;
      for (const candidate of [c.unit.procurement.token, c.unit.admin.token, c.unit.employment.token]) {
        token = candidate;
        if ((await api.http().get(path).set(bearer(candidate))).status !== 403) break;
      }
      const tooMany = await api.http().get(path).query({ limit: 10000 }).set(bearer(token));
      if (tooMany.status !== 400 || !/limit/.test(tooMany.body.message)) problems.push(`${route}?limit=10000 -> ${tooMany.status} ${tooMany.body.message}`);
      const foreign = await api.http().get(path).query({ cursor: 'bm90LWEtY3Vyc29y' }).set(bearer(token));
      if (foreign.status !== 400 || !/cursor/.test(foreign.body.message)) problems.push(`${route}?cursor=<foreign> -> ${foreign.status} ${foreign.body.message}`);
      const unknown = await api.http().get(path).query({ colour: 'red' }).set(bearer(token));
      if (unknown.status !== 400 || !/colour/.test(unknown.body.message)) problems.push(`${route}?colour=red -> ${unknown.status} ${unknown.body.message}`);
      const one = await api.http().get(path).query({ limit: 1 }).set(bearer(token));
      if (one.status !== 200 || !Array.isArray(one.body.items) || one.body.items.length > 1 || !('nextCursor' in one.body)) {
        problems.push(`${route}?limit=1 -> ${one.status} ${JSON.stringify(one.body).slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('pages through the contract list without repeats or gaps while contracts are inserted between pages', async () => {
    const unit = await new ContractsFactory(api.app).unit();
    const supplier = await new ContractsFactory(api.app).supplier(unit.municipalityId);
    const identity = new ContractsFactory(api.app).identity;
    // 25 contracts on 5 start dates (ties on the sort column are broken by id), one tender each.
    const insert = (count: number, offsetDays: number) =>
      identity.query<{ id: string }>(
        `WITH t AS (
           INSERT INTO tender (municipality_id, title, procurement_area, estimated_value_dkk, duration_months, clause_required, state)
           SELECT $1, 'Rengøring ' || g, 'cleaning', 6000000, 24, true, 'awarded' FROM generate_series(1, $4) g RETURNING id
         )
         INSERT INTO contract (municipality_id, tender_id, supplier_id, start_date, end_date, phase)
         SELECT $1, t.id, $2, DATE '2025-01-01' + (($3 + (row_number() OVER ())::int % 5) * 7), DATE '2029-01-01', 'awarded' FROM t RETURNING id`,
        [unit.municipalityId, supplier.id, offsetDays, count],
      );
    const original = (await insert(25, 0)).map((r) => r.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.http().get('/api/v1/contracts').query({ limit: 4, sort: 'startDate', ...(cursor ? { cursor } : {}) }).set(bearer(unit.procurement.token)).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
      // Rows sorting before and after the cursor arrive while the caseworker pages.
      if (page++ < 3) await insert(3, page % 2 === 0 ? -10 : 10);
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    expect(original.filter((id) => !seen.includes(id))).toEqual([]);
    const startDates = await identity.query<{ id: string; start_date: string }>('SELECT id, start_date::text FROM contract WHERE id = ANY($1)', [seen]);
    const byId = new Map(startDates.map((r) => [r.id, r.start_date]));
    const order = seen.map((id) => [byId.get(id)!, id].join(' '));
    expect(order).toEqual([...order].sort());
  });

  it('filters contracts by supplier, tender, phase and compliance status', async () => {
    const auth = bearer(c.unit.procurement.token);
    const bySupplier = await api.http().get('/api/v1/contracts').query({ supplierId: c.suppliers[1].id }).set(auth).expect(200);
    expect(bySupplier.body.items.map((i: { id: string }) => i.id)).toEqual([c.contracts[1]]);
    const all = await api.http().get('/api/v1/contracts').set(auth).expect(200);
    const tenderId = all.body.items.find((i: { id: string }) => i.id === c.contracts[0]).tenderId;
    const byTender = await api.http().get('/api/v1/contracts').query({ tenderId }).set(auth).expect(200);
    expect(byTender.body.items.map((i: { id: string }) => i.id).sort()).toEqual([...c.contracts].sort());
    // No hire yet on contracts that started in 2025: behind their first-hire deadline, so breached today.
    const status = all.body.items.find((i: { id: string }) => i.id === c.contracts[0]).compliance.status;
    const byStatus = await api.http().get('/api/v1/contracts').query({ status }).set(auth).expect(200);
    expect(byStatus.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([...c.contracts]));
    const otherStatus = status === 'breached' ? 'on_track' : 'breached';
    const none = await api.http().get('/api/v1/contracts').query({ status: otherStatus, tenderId }).set(auth).expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });
    const phase = await api.http().get('/api/v1/contracts').query({ phase: 'bogus' }).set(auth).expect(400);
    expect(phase.body.message).toMatch(/phase must be one of/);
    const sort = await api.http().get('/api/v1/contracts').query({ sort: 'supplierName' }).set(auth).expect(400);
    expect(sort.body.message).toMatch(/sort must be one of/);
  });
});
