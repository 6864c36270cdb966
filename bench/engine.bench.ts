/**
 * `npm run bench:engine`: throughput of the workflow engine's full path against a raw
 * BullMQ baseline measured in the same run, on the PostgreSQL queue backend and (with
 * REDIS_URL) on Redis. Needs DATABASE_URL (a server where it may create a database).
 *
 *   baseline:  N no-op jobs added in bulk to a plain BullMQ queue and processed
 *   full path: N transitions through WorkflowEngine.transition() -> outbox -> relay ->
 *              BullMQ -> the idempotent probe-effect handler (one row per job)
 *
 * As deployed, the worker is a process of its own (the built dist/apps/worker/main.js
 * when `npm run build` has run, else apps/worker through ts-node); this process plays the API and fires the transitions. The worker's peak RSS
 * is read from /proc (VmHWM). BENCH_N (default 10000) and WORKER_CONCURRENCY (default 16)
 * tune it.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { Queue, Worker } from 'bullmq';
import { loadConfig, type QueueBackendKind } from '@klausul/config';
import type { Actor } from '@klausul/domain';
import { createRootLogger } from '@klausul/logging';
import { ProbeService, probeWorkflow } from '@klausul/probe';
import { selectQueueBackend } from '@klausul/queue';
import { createApiApplication, type Runtime } from '@klausul/runtime';
import { startWorkerProcess } from '../test/support/worker-process';
import { benchServerUrl, peakRssMb, withScratchDatabase } from './bench-support';
import { WorkflowEngine } from '@klausul/workflow';
import { DataSource } from 'typeorm';

const N = Number(process.env.BENCH_N ?? 10_000);
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 16);
const serverUrl = benchServerUrl('bench:engine');

function environmentFor(url: string, backend: QueueBackendKind): Record<string, string> {
  return {
    DATABASE_URL: url,
    ...(backend === 'redis' ? { REDIS_URL: process.env.REDIS_URL! } : {}),
    QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    DATABASE_POOL_SIZE: String(CONCURRENCY + 4),
    HEARTBEAT_INTERVAL_MS: '3600000',
    LOG_FORMAT: 'json',
  };
}

function runtimeFor(env: Record<string, string>): Runtime {
  const config = loadConfig({ ...env, RUN_WORKER: 'false', LOG_LEVEL: 'warn' });
  return { config, logger: createRootLogger(config) };
}

async function baseline(runtime: Runtime): Promise<number> {
  const connection = selectQueueBackend(runtime.config) as never;
  const name = `baseline-${randomBytes(3).toString('hex')}`;
  const queue = new Queue(name, { connection, prefix: runtime.config.queue.prefix });
  let done = 0;
  let resolveAll!: () => void;
  const allDone = new Promise<void>((resolve) => (resolveAll = resolve));
  const worker = new Worker(name, async () => undefined, { connection, prefix: runtime.config.queue.prefix, concurrency: CONCURRENCY });
  worker.on('completed', () => ++done === N && resolveAll());
  await worker.waitUntilReady();
  const started = performance.now();
  for (let i = 0; i < N; i += 500) {
    await queue.addBulk(
      Array.from({ length: Math.min(500, N - i) }, (_, k) => ({ name: 'noop', data: { i: i + k }, opts: { removeOnComplete: true } })),
    );
  }
  await allDone;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  return N / seconds;
}

async function fullPath(env: Record<string, string>): Promise<{ perSecond: number; transitionsPerSecond: number; workerRssMb: number }> {
  const app = await createApiApplication(runtimeFor(env));
  await app.init();
  const worker = startWorkerProcess({ ...env, LOG_LEVEL: 'info' }, { built: true });
  try {
    while (!worker.output().includes('Klausul worker is running')) {
      if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const dataSource = app.get(DataSource);
    const [{ id: municipalityId }] = await dataSource.query(`INSERT INTO municipality (name) VALUES ('Benchmark kommune') RETURNING id`);
    const admin: Actor = { municipalityId, role: 'admin', userId: null, apiKeyId: null, supplierId: null };
    const probes = app.get(ProbeService);
    const ids: string[] = [];
    for (let i = 0; i < N; i += 100) {
      ids.push(...(await Promise.all(Array.from({ length: Math.min(100, N - i) }, async () => (await probes.create(admin)).id))));
    }
    const engine = app.get(WorkflowEngine);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ids.length) await engine.transition(probeWorkflow, ids[next++], 'ping', admin);
      }),
    );
    const transitionsPerSecond = N / ((performance.now() - started) / 1000);
    for (;;) {
      const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM probe_effect');
      if (n >= N) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const perSecond = N / ((performance.now() - started) / 1000);
    return { perSecond, transitionsPerSecond, workerRssMb: peakRssMb(worker.child.pid!) };
  } finally {
    worker.child.kill('SIGTERM');
    await worker.exited;
    await app.close();
  }
}

async function main(): Promise<void> {
  const backends: QueueBackendKind[] = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
  console.log(`bench:engine  N=${N}  worker concurrency=${CONCURRENCY}  ${cpus().length} cores  ${(totalmem() / 2 ** 30).toFixed(0)} GiB  node ${process.version}`);
  for (const backend of backends) {
    await withScratchDatabase(serverUrl, async (url) => {
      const env = environmentFor(url, backend);
      // The full path's app migrates the database; the baseline then runs on the same backend.
      const full = await fullPath(env);
      const base = await baseline(runtimeFor(env));
      console.log(
        `${backend.padEnd(8)} baseline (raw BullMQ no-op): ${base.toFixed(0)} jobs/s | full path: ${full.perSecond.toFixed(0)} transitions/s ` +
          `(transition() alone ${full.transitionsPerSecond.toFixed(0)}/s) | ratio ${(full.perSecond / base).toFixed(2)} | worker peak RSS ${full.workerRssMb.toFixed(0)} MB`,
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
