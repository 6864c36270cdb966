import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import pino from 'pino';
import { loadConfig, type QueueBackendKind } from '@klausul/config';
import type { Runtime } from '@klausul/runtime';

/** Both queue backends when Redis is configured; PostgreSQL always. */
export const queueBackends: QueueBackendKind[] = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];

/**
 * A runtime like the one main.ts prepares, pointed at a test database and the given
 * queue backend, with a queue prefix of its own so parallel files never share jobs.
 */
export function testRuntime(
  databaseUrl: string,
  backend: QueueBackendKind,
  env: Record<string, string> = {},
): Runtime {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    ...(backend === 'redis' ? { REDIS_URL: process.env.REDIS_URL } : {}),
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOG_FORMAT: 'json',
    ...env,
  });
  return { config, logger: pino({ level: config.log.level }) };
}

/** Deletes the Redis keys a test runtime created (no-op on the PostgreSQL backend). */
export async function clearQueueKeys(runtime: Runtime): Promise<void> {
  if (runtime.config.queue.backend !== 'redis') return;
  const redis = new Redis(runtime.config.queue.redisUrl!);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${runtime.config.queue.prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Polls until `probe` returns a value, or fails after `timeoutMs`. `explain` (optional) is
 * asked on failure for what the system looked like then (the message log, say), so a
 * timeout on a loaded CI machine says why instead of only that.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null>,
  timeoutMs = 15_000,
  everyMs = 100,
  explain?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) {
      const state = explain ? `; ${await explain().catch((error: Error) => `(explain failed: ${error.message})`)}` : '';
      throw new Error(`condition not met within ${timeoutMs} ms${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
