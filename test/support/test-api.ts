import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { QueueBackendKind } from '@klausul/config';
import type { Clock } from '@klausul/domain';
import { createApiApplication, type Runtime } from '@klausul/runtime';
import { createTestDatabase, type TestDatabase } from './test-database';
import { clearQueueKeys, testRuntime } from './test-runtime';

/** The running API of one test file, on a database of its own. */
export interface TestApi {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  readonly runtime: Runtime;
  http(): ReturnType<typeof request>;
}

/**
 * Starts the API (as main.ts builds it) for the calling describe block on a fresh clone of
 * the migrated database, and stops it afterwards. Call it before the block's own
 * beforeAll: jest runs hooks in the order they were registered.
 */
export function useTestApi(backend: QueueBackendKind = 'postgres', env: Record<string, string> = {}, clock?: Clock): TestApi {
  let app: INestApplication | undefined;
  let db: TestDatabase | undefined;
  let runtime: Runtime | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the test API has no ${what} yet: use it inside a test or hook`);
    return value;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = { ...testRuntime(db.url, backend, env), ...(clock ? { clock } : {}) };
    app = await createApiApplication(runtime);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    if (runtime) await clearQueueKeys(runtime);
    await db?.drop();
  });

  return {
    get app() {
      return started(app, 'app');
    },
    get db() {
      return started(db, 'database');
    },
    get runtime() {
      return started(runtime, 'runtime');
    },
    http: () => request(started(app, 'app').getHttpServer()),
  };
}
