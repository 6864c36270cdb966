/**
 * `npm run bench:ui`: what the web pages cost a person's phone and the server.
 *
 *   bytes:   per key page, what a first visit transfers: the HTML, DKFDS's CSS and JS and
 *            Klausul's own, each as sent with `Accept-Encoding: gzip` (fonts apart)
 *   render:  GET /confirm/:token (the monthly confirmation) with 50 employees, sequentially,
 *            p50/p95 of the server's answer time on localhost, against GET /tilgaengelighed
 *            (the same layout around static text) measured in the same run
 *
 * Seeds one reference-case contract through the REST API (50 hires: job order, candidates,
 * shortlist, hire), runs the month's review, signs its link as the monthly run does.
 *
 *   unit:    the unit's overview (GET /unit) and a contract page (GET /unit/contracts/:id, with
 *            its chart) on a second database seeded at bench:api's scale (seedScale: 10,000
 *            contracts in 20 municipalities, 10 placements each, 20,000 job orders) plus one
 *            review run, signed in as a procurement caseworker of "Benchmark kommune 1" (500
 *            contracts): p50/p95 of sequential renders and the bytes as above
 *
 * Needs DATABASE_URL (a server where it may create a database). BENCH_REQUESTS (300) tunes it;
 * BENCH_UI_UNIT=false leaves the unit's pages out (their seed takes a minute or two), BENCH_UI_PAGES=false the others.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { loadConfig } from '@klausul/config';
import { ReviewLinkSigner } from '@klausul/followup';
import { SESSION_COOKIE } from '@klausul/identity';
import { createRootLogger } from '@klausul/logging';
import { createApiApplication, type Runtime } from '@klausul/runtime';
import { ContractsFactory } from '../test/support/contracts.factory';
import { bearer } from '../test/support/identity.factory';
import { candidateBody, jobOrderBody } from '../test/support/matching.fixtures';
import { benchServerUrl, withClient, withScratchDatabase } from './bench-support';
import { migrate, seedScale } from './seed-scale';

const EMPLOYEES = 50;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const TARGETS = { pageKb: 150, confirmationP95Ms: 50, unitPageKb: 200, unitP95Ms: 100 };
/** bench:api's scale, without its candidates (the unit's overview and contract page read none). */
const UNIT_SCALE = { municipalities: 20, suppliersPerMunicipality: 25, contracts: 10_000, placementsPerContract: 10, jobOrders: 20_000, candidates: 0 };
const UNIT_PAGES = process.env.BENCH_UI_UNIT !== 'false';
const PART_ONE_PAGES = process.env.BENCH_UI_PAGES !== 'false';
const SECRET = 'bench-ui-review-link-secret-0123456789abcdef';
const serverUrl = benchServerUrl('bench:ui');

interface Answer {
  status: number;
  bytes: number;
  ms: number;
  body: string;
}

/** One GET as a browser sends it: gzip accepted; the bytes counted are those on the wire. */
function get(port: number, path: string, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
        resolve({ status: res.statusCode ?? 0, bytes: raw.length, ms: performance.now() - started, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function timings(port: number, path: string, cookie?: string): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 20; i++) await get(port, path, cookie);
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const answer = await get(port, path, cookie);
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
    ms.push(answer.ms);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

function runtimeFor(url: string): Runtime {
  // Production mode: templates compiled once and cached, as deployed (development re-reads them per render).
  const config = loadConfig({ DATABASE_URL: url, RUN_WORKER: 'false', LOG_LEVEL: 'warn', REVIEW_LINK_SECRET: SECRET, NODE_ENV: 'production', FILE_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    KLAUSUL_DATA_DIR: mkdtempSync(join(tmpdir(), 'klausul-bench-ui-')), HEARTBEAT_INTERVAL_MS: '3600000' });
  return { config, logger: createRootLogger(config) };
}

async function measure(url: string): Promise<void> {
  const app = await createApiApplication(runtimeFor(url));
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  try {
    const contracts = new ContractsFactory(app);
    const unit = await contracts.unit();
    const { tender, suppliers } = await contracts.tenderAt(unit, 'handed_over');
    const [{ id: contract }] = await contracts.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const hr = await contracts.supplierHr(unit.municipalityId, suppliers[0].id);
    const http = () => request(app.getHttpServer());
    const order = (await http().post(`/api/v1/contracts/${contract}/job-orders`).set(bearer(hr.token)).send(jobOrderBody({ positions: EMPLOYEES })).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${order}/submit`).set(bearer(hr.token)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${order}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    const seeded = performance.now();
    const candidates: string[] = [];
    for (let i = 0; i < EMPLOYEES; i++) {
      const candidate = (await http().post(`/api/v1/job-orders/${order}/candidates`).set(bearer(unit.jobcenter.token)).send(candidateBody(i)).expect(201)).body.id;
      await http().post(`/api/v1/candidates/${candidate}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
      candidates.push(candidate);
    }
    await http().post(`/api/v1/job-orders/${order}/send-shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
    for (const candidate of candidates) {
      await http().post(`/api/v1/candidates/${candidate}/hire`).set(bearer(hr.token)).send({ startDate: '2025-02-03', weeklyHours: 10, employmentForm: 'flexjob' }).expect(200);
    }
    await http().post('/api/v1/reviews/runs').set(bearer(unit.admin.token)).send({ period: '2025-03' }).expect(200);
    const [review] = await contracts.identity.query<{ id: string }>("SELECT id FROM review WHERE contract_id = $1 AND period = '2025-03'", [contract]);
    const token = await new ReviewLinkSigner(Buffer.from(SECRET, 'utf8')).sign({
      reviewId: review.id, supplierId: suppliers[0].id, contractId: contract, period: '2025-03', exp: Math.floor(Date.now() / 1000) + 3600,
    });
    console.log(`  seeded ${EMPLOYEES} employees on one contract through the REST API in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const supplierCookie = `${SESSION_COOKIE}=${hr.token}`;
    const jobcenterCookie = `${SESSION_COOKIE}=${unit.jobcenter.token}`;
    const pages: [string, string, string | undefined][] = [
      ['login', '/login', undefined],
      ['accessibility statement', '/tilgaengelighed', undefined],
      [`monthly confirmation (${EMPLOYEES} employees)`, `/confirm/${token}`, undefined],
      ['supplier start', '/supplier', supplierCookie],
      ['new job description', `/supplier/contracts/${contract}/job-orders/new`, supplierCookie],
      [`candidates (${EMPLOYEES})`, `/supplier/job-orders/${order}/candidates`, supplierCookie],
      [`employees (${EMPLOYEES})`, `/supplier/contracts/${contract}/employees`, supplierCookie],
      ['jobcenter inbox', '/jobcenter', jobcenterCookie],
      ['jobcenter job order', `/jobcenter/job-orders/${order}`, jobcenterCookie],
      ['propose a candidate', `/jobcenter/job-orders/${order}/propose`, jobcenterCookie],
    ];
    const assetBytes = new Map<string, number>();
    console.log('page                                  HTML kB   CSS+JS kB   total kB   target <= 150 kB');
    let worst = 0;
    for (const [name, path, cookie] of pages) {
      const page = await get(port, path, cookie);
      if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
      const assets = [...page.body.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]+)"/g)].map((m) => m[1]);
      let assetTotal = 0;
      for (const asset of assets) {
        if (!assetBytes.has(asset)) assetBytes.set(asset, (await get(port, asset)).bytes);
        assetTotal += assetBytes.get(asset)!;
      }
      const total = (page.bytes + assetTotal) / 1024;
      worst = Math.max(worst, total);
      console.log(`${name.padEnd(38)}${(page.bytes / 1024).toFixed(1).padStart(7)}${(assetTotal / 1024).toFixed(1).padStart(12)}${total.toFixed(1).padStart(11)}   ${total <= TARGETS.pageKb ? 'met' : 'NOT MET'}`);
    }
    const baseline = await timings(port, '/tilgaengelighed');
    const confirmation = await timings(port, `/confirm/${token}`);
    console.log(
      `render, ${REQUESTS} sequential requests each: baseline /tilgaengelighed p50 ${baseline.p50.toFixed(1)} ms p95 ${baseline.p95.toFixed(1)} ms | ` +
        `confirmation (${EMPLOYEES} employees) p50 ${confirmation.p50.toFixed(1)} ms p95 ${confirmation.p95.toFixed(1)} ms | ratio p95 ${(confirmation.p95 / baseline.p95).toFixed(2)}`,
    );
    console.log(
      `targets: every page <= ${TARGETS.pageKb} kB ${worst <= TARGETS.pageKb ? 'met' : 'NOT MET'} (largest ${worst.toFixed(1)} kB); ` +
        `confirmation p95 <= ${TARGETS.confirmationP95Ms} ms ${confirmation.p95 <= TARGETS.confirmationP95Ms ? 'met' : 'NOT MET'}`,
    );
  } finally {
    await app.close();
  }
}

/** What a page transfers on a first visit (HTML and its CSS and JS, gzip), in kB; the asset sizes are remembered between pages. */
async function pageKb(port: number, path: string, cookie: string, assetBytes: Map<string, number>): Promise<{ html: number; total: number }> {
  const page = await get(port, path, cookie);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  let assets = 0;
  for (const [, asset] of page.body.matchAll(/<(?:link rel="stylesheet"(?: media="print")? href|script src)="([^"]+)"/g)) {
    if (!assetBytes.has(asset)) assetBytes.set(asset, (await get(port, asset)).bytes);
    assets += assetBytes.get(asset)!;
  }
  return { html: page.bytes / 1024, total: (page.bytes + assets) / 1024 };
}

/** The unit's overview and a contract page on a database of bench:api's scale. */
async function measureUnitPages(url: string): Promise<void> {
  const started = performance.now();
  await migrate(url);
  await seedScale(url, UNIT_SCALE);
  const app = await createApiApplication(runtimeFor(url));
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  try {
    const identity = new ContractsFactory(app).identity;
    const { municipalityId, contractId, contracts } = await withClient(url, async (c) => {
      const [{ id }] = (await c.query("SELECT id FROM municipality WHERE name = 'Benchmark kommune 1'")).rows;
      const [{ contract, n }] = (await c.query('SELECT min(id::text) AS contract, count(*)::int AS n FROM contract WHERE municipality_id = $1', [id])).rows;
      return { municipalityId: id as string, contractId: contract as string, contracts: n as number };
    });
    const admin = await identity.signedIn({ role: 'admin', municipalityId });
    const caseworker = await identity.signedIn({ role: 'procurement_caseworker', municipalityId });
    // One review run: the overview counts the month's reviews by state.
    const now = new Date();
    const period = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    await request(app.getHttpServer()).post('/api/v1/reviews/runs').set(bearer(admin.token)).send({ period }).expect(200);
    console.log(`  seeded ${UNIT_SCALE.contracts} contracts (${contracts} in the signed-in municipality) and the ${period} review run in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const cookie = `${SESSION_COOKIE}=${caseworker.token}`;
    const pages: [string, string][] = [
      [`unit overview (${contracts} contracts)`, '/unit'],
      ['contract page with its chart', `/unit/contracts/${contractId}`],
    ];
    const assetBytes = new Map<string, number>();
    // The baseline, on the same process and database in the same run: a static page behind the same middleware.
    const baseline = await timings(port, '/tilgaengelighed', cookie);
    console.log(`baseline /tilgaengelighed p50 ${baseline.p50.toFixed(1)} ms p95 ${baseline.p95.toFixed(1)} ms`);
    console.log(`page                                  HTML kB   total kB   p50 ms   p95 ms   p95/baseline   targets <= ${TARGETS.unitPageKb} kB, p95 <= ${TARGETS.unitP95Ms} ms`);
    for (const [name, path] of pages) {
      const kb = await pageKb(port, path, cookie, assetBytes);
      const render = await timings(port, path, cookie);
      const met = kb.total <= TARGETS.unitPageKb && render.p95 <= TARGETS.unitP95Ms;
      console.log(
        `${name.padEnd(38)}${kb.html.toFixed(1).padStart(7)}${kb.total.toFixed(1).padStart(11)}${render.p50.toFixed(1).padStart(9)}${render.p95.toFixed(1).padStart(9)}${(render.p95 / baseline.p95).toFixed(1).padStart(15)}   ${met ? 'met' : 'NOT MET'}`,
      );
    }
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  console.log(`bench:ui  ${EMPLOYEES} employees  ${REQUESTS} requests per timing  ${cpus().length} cores  node ${process.version}`);
  if (PART_ONE_PAGES) await withScratchDatabase(serverUrl, measure);
  if (UNIT_PAGES) await withScratchDatabase(serverUrl, measureUnitPages);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
