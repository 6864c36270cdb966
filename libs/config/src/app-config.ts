import { environmentSchema, type Environment, type FileKey } from './config.schema';

export { parseFileKeyList, type FileKey } from './config.schema';

/** A configuration value a client got wrong; the message names the variable and never echoes its value. */
export class ConfigurationError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigurationError';
  }
}

export type QueueBackendKind = 'redis' | 'postgres';

/** The resolved, typed configuration every process works from. */
export interface AppConfig {
  env: Environment['NODE_ENV'];
  http: { host: string; port: number; corsOrigins: string[]; requestTimeoutMs: number };
  /** connectTimeoutMs: how long a query waits for a connection (pool slot or new) before it fails as unavailable. */
  database: { url?: string; poolSize: number; connectTimeoutMs: number; embedded: boolean; embeddedPort: number };
  queue: { backend: QueueBackendKind; redisUrl?: string; prefix: string };
  /** Whether the API process also runs the queue workers (the single-process embedded default). */
  runWorkerInProcess: boolean;
  dataDir: string;
  /** Outgoing e-mail: a real relay when smtpUrl is set, else an in-process catcher (see libs/messaging). */
  mail: { smtpUrl?: string; from: string; timeoutMs: number };
  /** Where people reach this Klausul; links in e-mails start with it. */
  publicUrl: string;
  /** Jobs each worker process runs at once, per queue. */
  workerConcurrency: number;
  /** Months personal data is kept: of people not hired after their job order closed; of people hired after their contract ended. */
  retention: { unsuccessfulMonths: number; placementMonths: number };
  /** How often scheduled tasks (deadlines, reminders, milestones) that have come due are fired. */
  dueTaskSweepIntervalMs: number;
  /** How long a job stays locked to its worker; a killed worker's jobs run again after this. */
  workerLockDurationMs: number;
  /** How often the relay sweeps the outbox besides being woken by NOTIFY, and how many rows it moves per transaction. */
  outbox: { sweepIntervalMs: number; batchSize: number; requeueIntervalMs: number; requeueGraceMs: number };
  /** How often each worker checks that every recurring job still has its scheduler (a queue backend can lose them). */
  jobSchedulesCheckIntervalMs: number;
  log: { level: Environment['LOG_LEVEL']; format: 'json' | 'pretty' };
  shutdownTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** A last worker heartbeat older than this makes readiness report `degraded`. */
  heartbeatStaleAfterMs: number;
  /** The first admin created on an empty database, and how long a login session lasts. */
  identity: { adminEmail: string; adminPassword?: string; bootstrapMunicipality: string; sessionTtlHours: number };
  /** The installation's operator created on start (the queue dashboard's only role); unset: none. */
  operator: { email?: string; password?: string };
  /** Whether the queue dashboard may change queues (add, retry, pause, clean...); read-only by default. */
  queueDashboard: { writes: boolean };
  /** Defaults of employment clauses; a municipality may override the thresholds. */
  clauses: {
    /** A tender of at least this duration and value is flagged clauseRequired. */
    threshold: { minDurationMonths: number; minValueDkk: number };
    /** Months after contract start by which the first hire must be made (the check-first-hire milestone). */
    firstHireMonths: number;
    /** Months after contract start by which the clause must be fully met. */
    fullFulfilmentMonths: number;
    /** Share of its agreed period an early-ended placement must have served to count. */
    earlyEndCountShare: number;
  };
  /** Whether the API creates the Odense demo data on start (idempotent); the embedded default does. */
  seedDemo: boolean;
  /** Stored files (libs/files): encryption keys (first encrypts; unset: see FileKeyring) and the upload limit. */
  files: { encryptionKeys?: FileKey[]; maxUploadBytes: number };
  /** Outgoing webhooks (libs/messaging): how long a receiver may take to answer. */
  webhooks: { timeoutMs: number };
  /** Monthly follow-up (libs/followup): review-link secret (unset: see loadReviewLinkSecret), link lifetime, working-day intervals. */
  reviews: { linkSecret?: string; linkTtlDays: number; reminderWorkingDays: number; deadlineWorkingDays: number; escalationWorkingDays: number };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Validates the environment; the first problem becomes a ConfigurationError. */
export function parseEnvironment(env: NodeJS.ProcessEnv): Environment {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = environmentSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigurationError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  return result.data;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, stdoutIsTty = false): AppConfig {
  const e = parseEnvironment(env);
  if (e.OPERATOR_PASSWORD && !e.OPERATOR_EMAIL) throw new ConfigurationError('OPERATOR_PASSWORD', 'is set without OPERATOR_EMAIL');
  const embedded = !e.DATABASE_URL;
  return {
    env: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT, corsOrigins: e.CORS_ORIGINS ?? [], requestTimeoutMs: e.REQUEST_TIMEOUT_MS },
    database: {
      url: e.DATABASE_URL,
      poolSize: e.DATABASE_POOL_SIZE,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      embedded,
      embeddedPort: e.EMBEDDED_POSTGRES_PORT,
    },
    queue: {
      backend: e.REDIS_URL ? 'redis' : 'postgres',
      redisUrl: e.REDIS_URL,
      prefix: e.QUEUE_PREFIX,
    },
    runWorkerInProcess: e.RUN_WORKER ?? embedded,
    dataDir: e.KLAUSUL_DATA_DIR,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, timeoutMs: e.SMTP_TIMEOUT_MS },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    workerConcurrency: e.WORKER_CONCURRENCY,
    retention: { unsuccessfulMonths: e.RETENTION_UNSUCCESSFUL_MONTHS, placementMonths: e.RETENTION_PLACEMENT_MONTHS },
    dueTaskSweepIntervalMs: e.DUE_TASK_SWEEP_INTERVAL_MS,
    workerLockDurationMs: e.WORKER_LOCK_DURATION_MS,
    outbox: {
      sweepIntervalMs: e.OUTBOX_SWEEP_INTERVAL_MS,
      batchSize: e.OUTBOX_BATCH_SIZE,
      requeueIntervalMs: e.OUTBOX_REQUEUE_INTERVAL_MS,
      requeueGraceMs: e.OUTBOX_REQUEUE_GRACE_MS,
    },
    jobSchedulesCheckIntervalMs: e.JOB_SCHEDULES_CHECK_INTERVAL_MS,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? (stdoutIsTty ? 'pretty' : 'json') },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    heartbeatIntervalMs: e.HEARTBEAT_INTERVAL_MS,
    // Three missed beats, and never less than 10 s, so a busy worker's late beat is not an outage.
    heartbeatStaleAfterMs: e.HEARTBEAT_STALE_AFTER_MS ?? Math.max(3 * e.HEARTBEAT_INTERVAL_MS, 10_000),
    identity: {
      adminEmail: e.ADMIN_EMAIL,
      adminPassword: e.ADMIN_PASSWORD,
      bootstrapMunicipality: e.BOOTSTRAP_MUNICIPALITY,
      sessionTtlHours: e.SESSION_TTL_HOURS,
    },
    operator: { email: e.OPERATOR_EMAIL, password: e.OPERATOR_PASSWORD },
    queueDashboard: { writes: e.QUEUE_DASHBOARD_WRITES },
    clauses: {
      threshold: { minDurationMonths: e.CLAUSE_THRESHOLD_MONTHS, minValueDkk: e.CLAUSE_THRESHOLD_VALUE_DKK },
      firstHireMonths: e.FIRST_HIRE_MILESTONE_MONTHS,
      fullFulfilmentMonths: e.CLAUSE_FULL_FULFILMENT_MONTHS,
      earlyEndCountShare: e.EARLY_END_COUNT_SHARE,
    },
    seedDemo: e.SEED_DEMO ?? embedded,
    files: { encryptionKeys: e.FILE_ENCRYPTION_KEYS, maxUploadBytes: e.FILE_MAX_UPLOAD_BYTES },
    webhooks: { timeoutMs: e.WEBHOOK_TIMEOUT_MS },
    reviews: {
      linkSecret: e.REVIEW_LINK_SECRET,
      linkTtlDays: e.REVIEW_LINK_TTL_DAYS,
      reminderWorkingDays: e.REVIEW_REMINDER_WORKING_DAYS,
      deadlineWorkingDays: e.REVIEW_DEADLINE_WORKING_DAYS,
      escalationWorkingDays: e.REVIEW_ESCALATION_WORKING_DAYS,
    },
  };
}

/** The same config with the database URL filled in once the embedded PostgreSQL is up. */
export function withDatabaseUrl(config: AppConfig, url: string): AppConfig {
  return { ...config, database: { ...config.database, url } };
}
