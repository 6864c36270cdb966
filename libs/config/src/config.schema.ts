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
  REDIS_URL: redisUrl.optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,30}$/, 'must be lower-case letters, digits, - or _ (max 31)')
    .default('klausul'),
  RUN_WORKER: booleanFlag.optional(),
  KLAUSUL_DATA_DIR: z.string().min(1).default('./.klausul'),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  WORKER_CONCURRENCY: positiveInt('a positive whole number').default(8),
  DUE_TASK_SWEEP_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(60000),
  WORKER_LOCK_DURATION_MS: positiveInt('a positive number of milliseconds').default(30000),
  OUTBOX_SWEEP_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(1000),
  OUTBOX_BATCH_SIZE: positiveInt('a positive whole number').default(250),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v) && URL.canParse(v), { message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Klausul <noreply@klausul.local>'),
  PUBLIC_URL: z
    .string()
    .refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), { message: 'must be an http:// or https:// URL' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  SHUTDOWN_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(8000),
  HEARTBEAT_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(60000),
  ADMIN_EMAIL: z
    .email({ message: 'must be an e-mail address' })
    .transform((v) => v.toLowerCase())
    .default('admin@klausul.local'),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters').optional(),
  BOOTSTRAP_MUNICIPALITY: z.string().trim().min(1, 'must not be blank').max(200, 'must be at most 200 characters').default('Odense Kommune'),
  SESSION_TTL_HOURS: positiveInt('a whole number of hours between 1 and 720')
    .max(720, 'must be a whole number of hours between 1 and 720')
    .default(12),
});

export type Environment = z.infer<typeof environmentSchema>;
