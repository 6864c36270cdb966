import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageService } from '@klausul/messaging';
import { createApiApplication } from '@klausul/runtime';
import { taggedEmail } from '../support/mail-drafts';
import { duplicatesIn, startTestRelay, type TestRelay } from '../support/smtp-relay';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, queueBackends, testRuntime } from '../support/test-runtime';
import { createMunicipality } from '../support/tenant';
import { startWorkerProcess } from '../support/worker-process';

const MESSAGES = 300;

describe.each(queueBackends)('e-mail through two worker crashes in a row on the %s queue backend', (backend) => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  let dataSource: DataSource;
  let relay: TestRelay;

  beforeAll(async () => {
    relay = await startTestRelay();
    db = await createTestDatabase();
    runtime = testRuntime(db.url, backend, { RUN_WORKER: 'false' });
    app = await createApiApplication(runtime);
    await app.init();
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
    relay?.stop();
  });

  const sentCount = async () =>
    Number((await dataSource.query('SELECT count(*)::int AS n FROM message WHERE sent_at IS NOT NULL'))[0].n);

  it(`#12.10: two SIGKILLs of the worker while ${MESSAGES} e-mails go out: every one arrives, at most one twice`, async () => {
    const municipalityId = await createMunicipality(dataSource);
    const ids = await dataSource.transaction((manager) =>
      app.get(MessageService).compose(
        manager,
        Array.from({ length: MESSAGES }, (_, i) => taggedEmail(municipalityId, `hr${i}@leverandoer.dk`, `Opfølgning ${i}`)),
      ),
    );

    const workerEnv = {
      DATABASE_URL: db.url,
      ...(backend === 'redis' ? { REDIS_URL: process.env.REDIS_URL! } : {}),
      QUEUE_PREFIX: runtime.config.queue.prefix,
      SMTP_URL: `smtp://127.0.0.1:${relay.port}`,
      SMTP_TIMEOUT_MS: '2000',
      WORKER_LOCK_DURATION_MS: '2000',
      HEARTBEAT_INTERVAL_MS: '3600000',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    };
    // Two crashes in a row, each while mail is going out (the first worker's messages in
    // flight are retried by the second, which is killed in turn).
    for (const killAt of [60, 160]) {
      const worker = startWorkerProcess(workerEnv);
      await eventually(async () => ((await sentCount()) >= killAt ? true : undefined), 90_000, 20);
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    expect(await sentCount()).toBeLessThan(MESSAGES); // killed mid-run, not after the work was done

    const last = startWorkerProcess(workerEnv);
    try {
      await eventually(async () => ((await sentCount()) >= MESSAGES ? true : undefined), 120_000, 200);
    } finally {
      last.child.kill('SIGTERM');
      expect(await last.exited).toBe(0);
    }

    // The relay reports over a pipe; let its last lines arrive.
    await eventually(async () => (new Set(relay.received).size >= MESSAGES ? true : undefined), 10_000);
    const duplicates = duplicatesIn(relay.received);
    const [{ possibly }] = await dataSource.query('SELECT count(*)::int AS possibly FROM message WHERE possibly_sent_at IS NOT NULL');
    process.stdout.write(
      `#12.10 ${backend}: ${MESSAGES} messages, ${relay.received.length} arrivals, ${duplicates} duplicates, ${possibly} recorded as possibly sent\n`,
    );
    expect(new Set(relay.received)).toEqual(new Set(ids.map((id) => `<${id}@klausul>`)));
    expect(duplicates).toBeLessThanOrEqual(1);
    const [{ delivered }] = await dataSource.query(
      `SELECT count(*)::int AS delivered FROM message WHERE municipality_id = $1 AND delivery_status = 'delivered'`,
      [municipalityId],
    );
    expect(delivered).toBe(MESSAGES);
  }, 300_000);
});
