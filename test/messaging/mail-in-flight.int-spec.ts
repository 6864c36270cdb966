import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageService } from '@klausul/messaging';
import { createApiApplication, createWorkerApplication } from '@klausul/runtime';
import { taggedEmail } from '../support/mail-drafts';
import { startTestRelay, type TestRelay } from '../support/smtp-relay';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, queueBackends, testRuntime } from '../support/test-runtime';
import { createMunicipality } from '../support/tenant';
import { startWorkerProcess } from '../support/worker-process';

/** The time a crashed attempt could still be in flight: SMTP_TIMEOUT_MS plus the handler's 5 s margin. */
const SMTP_TIMEOUT_MS = 4_000;
const WINDOW_MS = SMTP_TIMEOUT_MS + 5_000;

describe.each(queueBackends)('an e-mail whose sender is interrupted mid-conversation, on the %s queue backend (#12.10)', (backend) => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  let dataSource: DataSource;
  let relay: TestRelay | undefined;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, backend, { RUN_WORKER: 'false' });
    app = await createApiApplication(runtime);
    await app.init();
    dataSource = app.get(DataSource);
  });

  afterEach(async () => {
    await worker?.close().catch(() => undefined);
    worker = undefined;
    relay?.stop();
    relay = undefined;
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  const compose = async (subject: string) => {
    const municipalityId = await createMunicipality(dataSource);
    const [id] = await dataSource.transaction((manager) =>
      app.get(MessageService).compose(manager, [taggedEmail(municipalityId, 'hr@leverandoer.dk', subject)]),
    );
    return id;
  };
  const messageRow = async (id: string) => (await dataSource.query('SELECT * FROM message WHERE id = $1', [id]))[0];
  const delivered = (id: string, timeoutMs: number) =>
    eventually(async () => {
      const row = await messageRow(id);
      return row.delivery_status === 'delivered' ? row : undefined;
    }, timeoutMs, 200);
  const workerEnv = (relayPort: number, extra: Record<string, string> = {}) => ({
    DATABASE_URL: db.url,
    ...(backend === 'redis' ? { REDIS_URL: process.env.REDIS_URL! } : {}),
    QUEUE_PREFIX: runtime.config.queue.prefix,
    SMTP_URL: `smtp://127.0.0.1:${relayPort}`,
    HEARTBEAT_INTERVAL_MS: '3600000',
    ...extra,
  });

  it('#12.10: the worker loses its database while the relay takes the message; when the job runs again, the relay gets it once', async () => {
    // A slow relay: 3 s between having the message and saying "250 OK".
    relay = await startTestRelay({ RELAY_HOLD_ACCEPT_MS: '3000' });
    worker = await createWorkerApplication(
      testRuntime(db.url, backend, { ...workerEnv(relay.port, { SMTP_TIMEOUT_MS: '10000' }), LOG_LEVEL: 'silent' }),
    );
    await worker.init();
    const id = await compose('Forbindelsen tabt');
    await eventually(async () => (relay!.received.includes(`<${id}@klausul>`) ? true : undefined), 30_000, 20);

    // Every connection the worker holds to PostgreSQL, its job's transaction included, is cut.
    await dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'klausul-worker'`,
    );

    const row = await delivered(id, 60_000);
    expect(row.sent_at).not.toBeNull();
    expect(relay.received.filter((m) => m === `<${id}@klausul>`)).toHaveLength(1);
  }, 90_000);

  it('#12.10: after a crash mid-conversation the retry records "possibly sent" and resends only once the first attempt cannot be in flight', async () => {
    // The first conversation hangs before the message goes out; later ones are answered at once.
    relay = await startTestRelay({ RELAY_HOLD_FIRST_RCPT_MS: '60000' });
    const env = workerEnv(relay.port, { SMTP_TIMEOUT_MS: String(SMTP_TIMEOUT_MS), WORKER_LOCK_DURATION_MS: '1500', LOG_LEVEL: 'warn', LOG_FORMAT: 'json' });
    const first = startWorkerProcess(env);
    const id = await compose('Muligvis sendt');
    await eventually(async () => (relay!.conversations() >= 1 ? true : undefined), 60_000, 20);
    const { sending_started_at: firstAttemptAt } = await messageRow(id);
    expect(firstAttemptAt).not.toBeNull(); // committed before the conversation began
    first.child.kill('SIGKILL');
    await first.exited;

    const second = startWorkerProcess(env);
    try {
      const row = await delivered(id, 60_000);
      expect(row.possibly_sent_at).not.toBeNull();
      expect(relay.received).toEqual([`<${id}@klausul>`]);
      // Not resent while the killed attempt could, for all the retry knew, still be talking to the relay.
      expect(new Date(row.sent_at).getTime() - new Date(firstAttemptAt).getTime()).toBeGreaterThanOrEqual(WINDOW_MS - 500);
      expect(row.attempts).toBeGreaterThanOrEqual(2);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);
});
