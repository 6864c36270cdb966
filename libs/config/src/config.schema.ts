import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
    message: 'must be a postgres:// or postgresql:// URL',
  });

const redisUrl = z
  .string()
  .refine((v) => /^rediss?:\/\/[^\s]*$/.test(v) && URL.canParse(v), {
    message: 'must be a redis:// or rediss:// URL',
  });

const port = z.coerce
  .number({ message: 'must be a whole number between 1 and 65535' })
  .int('must be a whole number between 1 and 65535')
  .min(1, 'must be a whole number between 1 and 65535')
  .max(65535, 'must be a whole number between 1 and 65535');

const positiveInt = (what: string) =>
  z.coerce.number({ message: `must be ${what}` }).int(`must be ${what}`).positive(`must be ${what}`);

/** Every environment variable Klausul reads. The README's configuration table mirrors this. */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: positiveInt('a positive whole number').default(10),
  // Bounded wait for a connection (a free pool slot or a new one); then a request is answered 503.
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(10_000),
  REDIS_URL: redisUrl.optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,30}$/, 'must be lower-case letters, digits, - or _ (max 31)')
    .default('klausul'),
  RUN_WORKER: booleanFlag.optional(),
  KLAUSUL_DATA_DIR: z.string().min(1).default('./.klausul'),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  CORS_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((origins) => origins.every((o) => /^https?:\/\/[^\s/]+$/.test(o)), { message: 'must be a comma-separated list of origins like https://klausul.odense.dk' })
    .optional(),
  REQUEST_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(30_000),
  RETENTION_UNSUCCESSFUL_MONTHS: positiveInt('a whole number of months from 1 to 36').max(36, 'must be a whole number of months from 1 to 36').default(6),
  RETENTION_PLACEMENT_MONTHS: positiveInt('a positive whole number of months').default(12),
  WORKER_CONCURRENCY: positiveInt('a positive whole number').default(8),
  DUE_TASK_SWEEP_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(60000),
  WORKER_LOCK_DURATION_MS: positiveInt('a positive number of milliseconds').default(30000),
  OUTBOX_SWEEP_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(1000),
  OUTBOX_BATCH_SIZE: positiveInt('a positive whole number').default(250),
  // Recovery from a queue backend that lost its data (Redis without persistence, replaced, flushed).
  OUTBOX_REQUEUE_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(60_000),
  OUTBOX_REQUEUE_GRACE_MS: positiveInt('a positive number of milliseconds').default(120_000),
  JOB_SCHEDULES_CHECK_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(60_000),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v) && URL.canParse(v), { message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Klausul <noreply@klausul.local>'),
  SMTP_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(30_000),
  PUBLIC_URL: z
    .string()
    .refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), { message: 'must be an http:// or https:// URL' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  SHUTDOWN_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(8000),
  HEARTBEAT_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(60000),
  HEARTBEAT_STALE_AFTER_MS: positiveInt('a positive number of milliseconds').optional(),
  ADMIN_EMAIL: z
    .email({ message: 'must be an e-mail address' })
    .transform((v) => v.toLowerCase())
    .default('admin@klausul.local'),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters').optional(),
  // The installation's operator (queue dashboard), created on start when OPERATOR_EMAIL names no user yet.
  OPERATOR_EMAIL: z
    .email({ message: 'must be an e-mail address' })
    .transform((v) => v.toLowerCase())
    .optional(),
  OPERATOR_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters').optional(),
  QUEUE_DASHBOARD_WRITES: booleanFlag.default(false),
  BOOTSTRAP_MUNICIPALITY: z.string().trim().min(1, 'must not be blank').max(200, 'must be at most 200 characters').default('Odense Kommune'),
  SESSION_TTL_HOURS: positiveInt('a whole number of hours between 1 and 720')
    .max(720, 'must be a whole number of hours between 1 and 720')
    .default(12),
  // Employment clauses (libs/contracts): a municipality's own thresholds override the first two.
  CLAUSE_THRESHOLD_MONTHS: positiveInt('a positive whole number of months').default(6),
  CLAUSE_THRESHOLD_VALUE_DKK: z.coerce
    .number({ message: 'must be an amount in DKK, 0 or more' })
    .min(0, 'must be an amount in DKK, 0 or more')
    .default(5_000_000),
  FIRST_HIRE_MILESTONE_MONTHS: positiveInt('a positive whole number of months').default(6),
  CLAUSE_FULL_FULFILMENT_MONTHS: positiveInt('a positive whole number of months').default(12),
  EARLY_END_COUNT_SHARE: z.coerce
    .number({ message: 'must be a share between 0 and 1' })
    .min(0, 'must be a share between 0 and 1')
    .max(1, 'must be a share between 0 and 1')
    .default(0.75),
  SEED_DEMO: booleanFlag.optional(),
  // Encrypted file storage (libs/files) and webhook delivery (libs/messaging).
  FILE_ENCRYPTION_KEYS: z.string().transform((value, ctx) => {
    const keys = parseFileKeyList(value);
    if (!keys) ctx.addIssue({ code: 'custom', message: FILE_KEY_LIST_RULE });
    return keys ?? z.NEVER;
  }).optional(),
  FILE_MAX_UPLOAD_BYTES: positiveInt('a positive number of bytes').default(10 * 1024 * 1024),
  WEBHOOK_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(10_000),
  // Monthly follow-up (libs/followup): the signing secret of suppliers' review links and the review's working-day intervals.
  REVIEW_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').max(512, 'must be at most 512 characters').optional(),
  REVIEW_LINK_TTL_DAYS: positiveInt('a positive whole number of days').max(90, 'must be at most 90 days').default(14),
  REVIEW_REMINDER_WORKING_DAYS: positiveInt('a positive whole number of working days').max(60, 'must be at most 60 working days').default(3),
  REVIEW_DEADLINE_WORKING_DAYS: positiveInt('a positive whole number of working days').max(60, 'must be at most 60 working days').default(5),
  REVIEW_ESCALATION_WORKING_DAYS: positiveInt('a positive whole number of working days').max(60, 'must be at most 60 working days').default(5),
});

export type Environment = z.infer<typeof environmentSchema>;

/** A key that encrypts stored files (AES-256-GCM): 32 bytes, named so rows say which key sealed them. */
export interface FileKey {
  id: string;
  key: Buffer;
}

const FILE_KEY_LIST_RULE = 'must be a comma-separated list of keyId:base64key (ids of letters, digits, . _ -; unique; each key 32 bytes)';

/**
 * Parses `keyId:base64key,keyId:base64key` (newlines also separate); the first key
 * encrypts, all decrypt. Null when anything is wrong (the caller names the variable).
 */
export function parseFileKeyList(value: string): FileKey[] | null {
  const entries = value.split(/[,\n]/).map((entry) => entry.trim()).filter((entry) => entry !== '');
  const keys: FileKey[] = [];
  for (const entry of entries) {
    const match = /^([A-Za-z0-9._-]{1,64}):([A-Za-z0-9+/_-]+={0,2})$/.exec(entry);
    const key = match ? Buffer.from(match[2], 'base64') : undefined;
    if (!match || key!.length !== 32 || keys.some((k) => k.id === match[1])) return null;
    keys.push({ id: match[1], key: key! });
  }
  return keys.length > 0 ? keys : null;
}
