/**
 * `npm run bench:reviews`: the monthly review run at scale, against a hand-written
 * set-based baseline measured in the same run, on the PostgreSQL queue backend and (with
 * REDIS_URL) on Redis. Needs DATABASE_URL (a server where it may create a database).
 *
 *   seed:        20 municipalities, 25 suppliers each (one HR contact each), 10,000 active
 *                contracts (one tender and one clause each), 100,000 active placements;
 *                set-based INSERT ... SELECT generate_series (bench/seed-scale.ts)
 *   baseline:    one INSERT ... SELECT creating the same 100,000 check rows into a scratch
 *                table (LIKE placement_check INCLUDING ALL: same defaults, checks, unique
 *                key and indexes, no foreign keys)
 *   database:    ReviewRunService.run() for one period, all municipalities (the scheduler's
 *                code path), in one transaction: from the call until it committed, i.e.
 *                every review, check, history, scheduled task, request and outbox row exists
 *   whole run:   from the same start until the relay has put every confirmation request
 *                into BullMQ (outbox.relayed_at set in the relay's transaction after addBulk)
 *
 * As deployed, the worker (relay and handlers) is a process of its own (apps/worker through
 * ts-node); its peak RSS is read from /proc (VmHWM). This process only migrates, seeds and
 * triggers the run. BENCH_CONTRACTS (10000) and BENCH_PLACEMENTS_PER_CONTRACT (10) tune it.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { DataSource } from 'typeorm';
import { loadConfig, type QueueBackendKind } from '@klausul/config';
import { ReviewRunService } from '@klausul/followup';
import { createRootLogger } from '@klausul/logging';
import { createApiApplication, type Runtime } from '@klausul/runtime';
import { startWorkerProcess } from '../test/support/worker-process';
import { benchServerUrl, peakRssMb, withScratchDatabase } from './bench-support';
import { seedScale } from './seed-scale';

const MUNICIPALITIES = 20;
const SUPPLIERS_PER_MUNICIPALITY = 25;
const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 10_000);
const PLACEMENTS_PER_CONTRACT = Number(process.env.BENCH_PLACEMENTS_PER_CONTRACT ?? 10);
const TARGETS = { ratio: 3, wholeRunSeconds: 60, workerRssMb: 300 };

const serverUrl = benchServerUrl('bench:reviews');

function environmentFor(url: string, backend: QueueBackendKind): Record<string, string> {
  return {
    DATABASE_URL: url,
    ...(backend === 'redis' ? { REDIS_URL: process.env.REDIS_URL! } : {}),
    QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
    HEARTBEAT_INTERVAL_MS: '3600000',
    DUE_TASK_SWEEP_INTERVAL_MS: '3600000',
    LOG_FORMAT: 'json',
  };
}

function runtimeFor(env: Record<string, string>): Runtime {
  const config = loadConfig({ ...env, RUN_WORKER: 'false', LOG_LEVEL: 'warn' });
  return { config, logger: createRootLogger(config) };
}

const seconds = (from: number) => (performance.now() - from) / 1000;

interface Figures {
  baselineSeconds: number;
  baselineRows: number;
  databaseSeconds: number;
  wholeRunSeconds: number;
  reviews: number;
  checks: number;
  requests: number;
  workerRssMb: number;
  /** The worker's peak RSS once started, before the run: what ts-node and Nest cost alone. */
  workerIdleRssMb: number;
}

async function measure(env: Record<string, string>, period: string): Promise<Figures> {
  const app = await createApiApplication(runtimeFor(env)); // migrates the database
  await app.init();
  const worker = startWorkerProcess({ ...env, LOG_LEVEL: 'info' }, { built: true });
  try {
    while (!worker.output().includes('Klausul worker is running')) {
      if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const workerIdleRssMb = peakRssMb(worker.child.pid!);
    const seedStart = performance.now();
    await seedScale(env.DATABASE_URL, {
      municipalities: MUNICIPALITIES, suppliersPerMunicipality: SUPPLIERS_PER_MUNICIPALITY, contracts: CONTRACTS, placementsPerContract: PLACEMENTS_PER_CONTRACT,
    });
    console.log(`  seeded ${CONTRACTS} contracts, ${CONTRACTS * PLACEMENTS_PER_CONTRACT} placements in ${seconds(seedStart).toFixed(1)} s`);
    const dataSource = app.get(DataSource);
    // Warm both sides alike: the tables the run and the baseline read.
    await dataSource.query('SELECT count(*) FROM contract; SELECT count(*) FROM placement; SELECT count(*) FROM employment_clause');

    // Baseline: the same check rows, hand-written, one statement.
    await dataSource.query('CREATE TABLE bench_scratch_check (LIKE placement_check INCLUDING ALL)');
    const { first, last } = { first: `${period}-01`, last: new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).toISOString().slice(0, 10) };
    const baselineStart = performance.now();
    await dataSource.query(
      `INSERT INTO bench_scratch_check (municipality_id, review_id, placement_id, previous_weekly_hours)
       SELECT p.municipality_id, c.id, p.id, p.agreed_weekly_hours
         FROM contract c JOIN placement p ON p.contract_id = c.id AND p.state = 'active' AND p.start_date <= $2
        WHERE c.start_date <= $2 AND c.end_date >= $1 AND EXISTS (SELECT 1 FROM employment_clause ec WHERE ec.contract_id = c.id)`,
      [first, last],
    );
    const baselineSeconds = seconds(baselineStart);
    const [{ n: baselineRows }] = await dataSource.query('SELECT count(*)::int AS n FROM bench_scratch_check');
    await dataSource.query('DROP TABLE bench_scratch_check');

    // The monthly run, as the scheduler's handler runs it: one transaction, all municipalities.
    const runs = app.get(ReviewRunService);
    const started = performance.now();
    const result = await dataSource.transaction((manager) => runs.run(manager, period, new Date()));
    const databaseSeconds = seconds(started);
    for (;;) {
      const [{ waiting }] = await dataSource.query(
        "SELECT count(*)::int AS waiting FROM outbox WHERE job_name = 'send-review-request' AND relayed_at IS NULL",
      );
      if (waiting === 0) break;
      if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const wholeRunSeconds = seconds(started);
    const [counts] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM review WHERE period = $1) AS reviews,
              (SELECT count(*)::int FROM placement_check) AS checks,
              (SELECT count(*)::int FROM outbox WHERE job_name = 'send-review-request' AND relayed_at IS NOT NULL) AS requests`,
      [period],
    );
    if (counts.reviews !== result.reviewsCreated || counts.checks !== result.placementChecksCreated || counts.requests !== result.requestsQueued) {
      throw new Error(`the run's figures do not match the rows: ${JSON.stringify({ result, counts })}`);
    }
    // Let the worker handle some of the requests it was given, so its peak reflects real work too.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    return {
      baselineSeconds, baselineRows: Number(baselineRows), databaseSeconds, wholeRunSeconds,
      reviews: counts.reviews, checks: counts.checks, requests: counts.requests, workerRssMb: peakRssMb(worker.child.pid!), workerIdleRssMb,
    };
  } finally {
    worker.child.kill('SIGTERM');
    await worker.exited;
    await app.close();
  }
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

async function main(): Promise<void> {
  const backends: QueueBackendKind[] = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
  // The month just ended, as the scheduler would pick it.
  const now = new Date();
  const period = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  console.log(
    `bench:reviews  ${CONTRACTS} contracts  ${CONTRACTS * PLACEMENTS_PER_CONTRACT} placements  ${MUNICIPALITIES} municipalities  ` +
      `${MUNICIPALITIES * SUPPLIERS_PER_MUNICIPALITY} suppliers  period ${period}  ${cpus().length} cores  ${(totalmem() / 2 ** 30).toFixed(0)} GiB  node ${process.version}`,
  );
  for (const backend of backends) {
    await withScratchDatabase(serverUrl, async (url) => {
      const f = await measure(environmentFor(url, backend), period);
      const ratio = f.databaseSeconds / f.baselineSeconds;
      console.log(
        `${backend.padEnd(8)} baseline (one INSERT ... SELECT, ${f.baselineRows} check rows): ${f.baselineSeconds.toFixed(2)} s | ` +
          `database part (${f.reviews} reviews, ${f.checks} checks, ${f.requests} requests + outbox): ${f.databaseSeconds.toFixed(2)} s | ` +
          `ratio ${ratio.toFixed(2)} | whole run (requests in BullMQ): ${f.wholeRunSeconds.toFixed(2)} s | worker peak RSS ${f.workerRssMb.toFixed(0)} MB (${f.workerIdleRssMb.toFixed(0)} MB before the run)`,
      );
      console.log(
        `         targets: ratio <= ${TARGETS.ratio} ${verdict(ratio <= TARGETS.ratio)}; whole run <= ${TARGETS.wholeRunSeconds} s ${verdict(f.wholeRunSeconds <= TARGETS.wholeRunSeconds)}; ` +
          `worker peak RSS <= ${TARGETS.workerRssMb} MB ${verdict(f.workerRssMb <= TARGETS.workerRssMb)}`,
      );
    });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
