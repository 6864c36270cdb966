import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedScale } from '../../bench/seed-scale';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

/**
 * A large municipality's size, as bench:api seeds it: 20 municipalities, 10,000 contracts,
 * 100,000 placements, 20,000 job orders and 200,000 candidates. Every read route must answer
 * 2xx, and every list query must be planned on an index (no sequential scan of a big table).
 */
const SCALE = { municipalities: 20, suppliersPerMunicipality: 25, contracts: 10_000, placementsPerContract: 10, jobOrders: 20_000, candidates: 200_000 };

/** GET routes that need something this test does not make (a token from an e-mail, a stored file). */
const NOT_HERE = new Set(['/api/v1/review-links/{token}', '/api/v1/invitations/{token}', '/api/v1/candidates/{id}/cv', '/api/v1/workflows/{name}/diagram']);

interface Recorded {
  sql: string;
  params: unknown[];
}

describe('at a large municipality’s size', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  const recorded: Recorded[] = [];
  let tokens: string[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    await seedScale(api.db.url, SCALE);
    const identity = new IdentityFactory(api.app);
    const [m] = await identity.query<{ id: string }>(`SELECT id FROM municipality WHERE name = 'Benchmark kommune 1'`);
    const one = async (sql: string) => (await identity.query<{ id: string }>(sql, [m.id]))[0].id;
    ids = {
      contract: await one('SELECT id FROM contract WHERE municipality_id = $1 ORDER BY id LIMIT 1'),
      jobOrder: await one('SELECT id FROM job_order WHERE municipality_id = $1 ORDER BY id LIMIT 1'),
      candidate: await one('SELECT id FROM candidate WHERE municipality_id = $1 ORDER BY id LIMIT 1'),
      placement: await one('SELECT id FROM placement WHERE municipality_id = $1 ORDER BY id LIMIT 1'),
      supplier: await one('SELECT supplier_id AS id FROM contract WHERE municipality_id = $1 ORDER BY id LIMIT 1'),
      tender: await one('SELECT tender_id AS id FROM contract WHERE municipality_id = $1 ORDER BY id LIMIT 1'),
    };
    const roles = ['admin', 'procurement_caseworker', 'employment_caseworker', 'jobcenter_contact'] as const;
    tokens = [];
    for (const role of roles) tokens.push((await identity.signedIn({ role, municipalityId: m.id })).token);
    tokens.push((await identity.signedIn({ role: 'supplier_hr', municipalityId: m.id, supplierId: ids.supplier })).token);
    ids.user = (await identity.query<{ id: string }>('SELECT id FROM app_user WHERE municipality_id = $1 ORDER BY id LIMIT 1', [m.id]))[0].id;
    // A month's reviews, so the review routes have something to show.
    await api.http().post('/api/v1/reviews/runs').set(bearer(tokens[0])).send({ period: '2026-10' }).expect(200);
    ids.review = (await identity.query<{ id: string }>('SELECT id FROM review WHERE supplier_id = $1 ORDER BY id LIMIT 1', [ids.supplier]))[0].id;
    const programme = await api.http().post('/api/v1/upskilling/programmes').set(bearer(tokens[0])).send({ name: 'Rengøringsskolen', capacity: 15, maxDurationMonths: 18 }).expect(201);
    ids.programme = programme.body.id;
    ids.probe = (await api.http().post('/api/v1/probes').set(bearer(tokens[0])).send({}).expect(201)).body.id;
    // The worker is off here, so the message the supplier's request would become is written as its handler writes it.
    ids.message = (
      await identity.query<{ id: string }>(
        `INSERT INTO message (municipality_id, channel, template, recipient, subject, body_text, related_type, related_id)
         VALUES ($1, 'email', 'review-request', 'hr@bench.example', 'Månedlig opfølgning 2026-10', 'Bekræft måneden', 'review', $2) RETURNING id`,
        [m.id, ids.review],
      )
    )[0].id;

    // Every statement the API runs from here on, to plan it again with EXPLAIN.
    const dataSource = api.app.get(DataSource);
    const query = dataSource.query.bind(dataSource);
    dataSource.query = ((sql: string, params?: unknown[], runner?: never) => {
      recorded.push({ sql, params: params ?? [] });
      return query(sql, params, runner);
    }) as typeof dataSource.query;
  }, 300_000);

  /** Query strings a route requires. */
  const REQUIRED_QUERY: Record<string, string> = { '/api/v1/reviews.csv': '?period=2026-10', '/api/v1/reviews.xlsx': '?period=2026-10' };

  function concrete(route: string): string {
    const id = (prefix: string, key: string) => (route.startsWith(prefix) ? ids[key] : undefined);
    return fill(route, id) + (REQUIRED_QUERY[route] ?? '');
  }

  function fill(route: string, id: (prefix: string, key: string) => string | undefined): string {
    return route
      .replace('{year}', '2026')
      .replace('{resource}', 'job-orders')
      .replace('{jobOrderId}', ids.jobOrder)
      .replace(
        '{id}',
        id('/api/v1/contracts', 'contract') ??
          id('/api/v1/job-orders', 'jobOrder') ??
          id('/api/v1/candidates', 'candidate') ??
          id('/api/v1/placements', 'placement') ??
          id('/api/v1/suppliers', 'supplier') ??
          id('/api/v1/tenders', 'tender') ??
          id('/api/v1/users', 'user') ??
          id('/api/v1/reviews', 'review') ??
          id('/api/v1/upskilling/programmes', 'programme') ??
          id('/api/v1/messages', 'message') ??
          id('/api/v1/probes', 'probe') ??
          id('/api/v1/{resource}', 'jobOrder') ??
          'no-id-for-this-route',
      );
  }

  it('answers every read route with a 2xx for some role of the unit, the supplier or the jobcenter', async () => {
    const document = SwaggerModule.createDocument(api.app, new DocumentBuilder().build());
    const routes = Object.entries(document.paths)
      .filter(([path, item]) => item.get && path.startsWith('/api/v1/') && !NOT_HERE.has(path))
      .map(([path]) => path);
    const answers: string[] = [];
    for (const route of routes) {
      const path = concrete(route);
      let status = 0;
      let millis = 0;
      // The first role the route lets in.
      for (const token of tokens) {
        const started = Date.now();
        const res = await api.http().get(path).set(bearer(token));
        millis = Date.now() - started;
        status = res.status;
        if (status !== 403) break;
      }
      answers.push(`${status} ${route} (${millis} ms)`);
    }
    // eslint-disable-next-line no-console
    console.log(`scale: ${routes.length} read routes\n${answers.join('\n')}`);
    expect(answers.filter((a) => !a.startsWith('2'))).toEqual([]);
  }, 300_000);

  it('plans every list and filter query on an index: no sequential scan of a big table', async () => {
    recorded.length = 0;
    const admin = bearer(tokens[0]);
    const lists = [
      '/api/v1/contracts',
      '/api/v1/contracts?sort=endDate',
      `/api/v1/contracts?supplierId=${ids.supplier}`,
      `/api/v1/contracts?tenderId=${ids.tender}`,
      '/api/v1/contracts?phase=matching',
      '/api/v1/contracts?status=breached',
      `/api/v1/contracts/${ids.contract}/placements`,
      `/api/v1/contracts/${ids.contract}/placements?state=active`,
      '/api/v1/job-orders',
      '/api/v1/job-orders?state=forwarded',
      `/api/v1/job-orders?contractId=${ids.contract}`,
      `/api/v1/job-orders?supplierId=${ids.supplier}`,
      `/api/v1/job-orders/${ids.jobOrder}/candidates`,
      `/api/v1/job-orders/${ids.jobOrder}/candidates?state=proposed`,
      '/api/v1/reviews',
      '/api/v1/reviews?period=2026-10',
      '/api/v1/reviews?state=awaiting_supplier',
      `/api/v1/reviews?supplierId=${ids.supplier}`,
      '/api/v1/messages',
      '/api/v1/tenders',
      '/api/v1/suppliers',
      '/api/v1/users',
      '/api/v1/alerts',
      '/api/v1/follow-up/dashboard/2026',
      '/api/v1/follow-up/dashboard/2026/contracts',
    ];
    for (const path of lists) {
      const first = await api.http().get(path).set(admin);
      expect([path, first.status]).toEqual([path, 200]);
      if (first.body.nextCursor) await api.http().get(path).query({ cursor: first.body.nextCursor }).set(admin).expect(200);
    }

    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    try {
      // The requests above recounted every contract's stored compliance; plan on statistics that
      // know it, as autovacuum's analyze would by then (the seed's ANALYZE saw them all uncounted).
      await client.query('ANALYZE contract');
      const big = new Set(
        (await client.query<{ relname: string }>(`SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples > 5000`)).rows.map(
          (r) => r.relname,
        ),
      );
      expect([...big]).toEqual(expect.arrayContaining(['contract', 'placement', 'job_order', 'candidate']));
      const scans: string[] = [];
      for (const { sql, params } of recorded.filter((r) => /^\s*(SELECT|WITH)/i.test(r.sql))) {
        const plan = (await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows[0]['QUERY PLAN'];
        const walk = (node: Record<string, any>) => {
          if (node['Node Type'] === 'Seq Scan' && big.has(node['Relation Name'])) scans.push(`${node['Relation Name']}: ${sql.replace(/\s+/g, ' ').slice(0, 300)}`);
          for (const child of node.Plans ?? []) walk(child);
        };
        walk(plan[0].Plan);
      }
      // eslint-disable-next-line no-console
      console.log(`scale: ${recorded.length} statements planned again, ${scans.length} sequential scans of big tables`);
      expect(scans).toEqual([]);
    } finally {
      await client.end();
    }
  }, 300_000);
});
