import { createServer, connect, type Server, type Socket } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource, type QueryRunner } from 'typeorm';
import { createApiApplication } from '@klausul/runtime';
import { freePort } from '../support/free-port';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRuntime } from '../support/test-runtime';

/** A TCP relay in front of PostgreSQL that a test can cut (every connection reset, new ones refused) and restore. */
class CuttablePostgres {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly target: URL, readonly port: number) {}

  url(database: URL): string {
    const url = new URL(database);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.resetAndDestroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const ready = (app: INestApplication) => request(app.getHttpServer()).get('/health/ready');

describe('PostgreSQL unreachable behind a running API (#12.7)', () => {
  let db: TestDatabase;
  let proxy: CuttablePostgres;
  let app: INestApplication;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    proxy = new CuttablePostgres(new URL(db.url), await freePort());
    await proxy.up();
    app = await createApiApplication(testRuntime(proxy.url(new URL(db.url)), 'postgres', { RUN_WORKER: 'false', DATABASE_CONNECT_TIMEOUT_MS: '1000' }));
    await app.init();
    ({ token } = await new IdentityFactory(app).signedIn({ role: 'procurement_caseworker' }));
  });

  afterAll(async () => {
    await proxy?.up();
    await app?.close();
    await proxy?.down();
    await db?.drop();
  });

  it('#12.7: a lost database is 503 UNAVAILABLE with Retry-After on every route, readiness 503, and 200 once it is back', async () => {
    await request(app.getHttpServer()).get('/api/v1/messages').set(bearer(token)).expect(200);
    await proxy.down();

    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0
          ? request(app.getHttpServer()).post('/api/v1/auth/login').send({ email: 'nobody@kommune.dk', password: 'not the password' })
          : request(app.getHttpServer()).get('/api/v1/messages').set(bearer(token)),
      ),
    );
    for (const res of answers) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'UNAVAILABLE' });
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
    }
    const readiness = await ready(app).expect(503);
    expect(readiness.body.details.database.status).toBe('down');

    await proxy.up();
    await request(app.getHttpServer()).get('/api/v1/messages').set(bearer(token)).expect(200);
    await ready(app).expect(200);
  }, 60_000);
});

describe('an exhausted connection pool (#12.7)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApplication(
      testRuntime(db.url, 'postgres', { RUN_WORKER: 'false', DATABASE_POOL_SIZE: '2', DATABASE_CONNECT_TIMEOUT_MS: '500' }),
    );
    await app.init();
    ({ token } = await new IdentityFactory(app).signedIn({ role: 'procurement_caseworker' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('#12.7: a request that finds no free connection within the bounded wait is shed with 503 and Retry-After, not 500', async () => {
    const held: QueryRunner[] = [];
    try {
      // Take every connection of the pool, as long requests under load would.
      for (let i = 0; i < 2; i++) {
        const runner = app.get(DataSource).createQueryRunner();
        await runner.connect();
        held.push(runner);
      }
      const started = Date.now();
      const res = await request(app.getHttpServer()).get('/api/v1/messages').set(bearer(token));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'UNAVAILABLE' });
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400); // it waited for a connection first
    } finally {
      await Promise.all(held.map((runner) => runner.release()));
    }
    await request(app.getHttpServer()).get('/api/v1/messages').set(bearer(token)).expect(200);
  });
});
