import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { AppConfig } from '@klausul/config';

/** The schema the PostgreSQL queue backend keeps its tables in, beside Klausul's own. */
export const POSTGRES_QUEUE_SCHEMA = 'bullmq';

/** What BullMQ's `connection` option gets for the configured backend. */
export type QueueConnection =
  | { host: string; port: number; username?: string; password?: string; db?: number; tls?: object; maxRetriesPerRequest: null; retryStrategy: (attempt: number) => number }
  | { connectionString: string; schema: string; migrate: true; max: number };

export function redisConnectionOptions(redisUrl: string): QueueConnection {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number.parseInt(url.pathname.slice(1), 10) : undefined;
  return {
    host: url.hostname,
    port: url.port ? Number.parseInt(url.port, 10) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db !== undefined && Number.isFinite(db) ? { db } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers block on Redis; ioredis must not give up on a command while Redis restarts.
    maxRetriesPerRequest: null,
    // Reconnect quickly after a Redis restart: 200 ms, 400 ms, ... at most every 2 s.
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  };
}

/**
 * Points BullMQ at Redis when REDIS_URL is set, else at PostgreSQL (same database, own
 * schema). The backend factory is process-wide in bullmq 6 and @nestjs/bullmq passes
 * none, so this must run before the first Queue or Worker is constructed.
 */
export function selectQueueBackend(config: AppConfig): QueueConnection {
  if (config.queue.backend === 'redis') {
    setDefaultBackendFactory();
    return redisConnectionOptions(config.queue.redisUrl!);
  }
  if (!config.database.url) throw new Error('The PostgreSQL queue backend needs the database URL');
  setDefaultBackendFactory(createPostgresBackend);
  return { connectionString: config.database.url, schema: POSTGRES_QUEUE_SCHEMA, migrate: true, max: 4 };
}

/**
 * Options of every Worker, filled from configuration by QueueModule.forRoot before Nest
 * constructs the workers (@Processor takes its options when the class is declared, so
 * the processors share this one object).
 */
export const workerSettings: { concurrency: number; lockDuration: number; stalledInterval: number } = {
  concurrency: 8,
  lockDuration: 30_000,
  stalledInterval: 30_000,
};
