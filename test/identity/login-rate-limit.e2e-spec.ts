import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { LOGIN_ATTEMPTS_PER_WINDOW } from '@klausul/identity';
import { createApiApplication } from '@klausul/runtime';
import { IdentityFactory, TEST_PASSWORD } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRuntime } from '../support/test-runtime';

describe('the login rate limit', () => {
  let db: TestDatabase;
  // Two API processes on one database, as behind a load balancer.
  let apps: INestApplication[];
  let identity: IdentityFactory;
  const attempt = (app: INestApplication, email: string, password: string) =>
    request(app.getHttpServer()).post('/api/v1/auth/login').send({ email, password });

  beforeAll(async () => {
    db = await createTestDatabase();
    apps = [];
    for (let i = 0; i < 2; i++) {
      const app = await createApiApplication(testRuntime(db.url, 'postgres'));
      await app.init();
      apps.push(app);
    }
    identity = new IdentityFactory(apps[0]);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await db?.drop();
  });

  it(`allows ${LOGIN_ATTEMPTS_PER_WINDOW} attempts a minute per address and e-mail across all API processes, then answers 429`, async () => {
    const user = await identity.user();
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_WINDOW; i++) {
      const res = await attempt(apps[i % 2], user.email, 'wrong password').expect(401);
      expect(res.headers['x-ratelimit-remaining']).toBe(String(LOGIN_ATTEMPTS_PER_WINDOW - i - 1));
    }

    const blocked = await attempt(apps[0], user.email, 'wrong password').expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(blocked.body.message).toMatch(/^Too many sign-in attempts for this e-mail address; try again in \d+ seconds$/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);

    // Blocked even with the right password, on the other process too.
    await attempt(apps[1], user.email, TEST_PASSWORD).expect(429);
    // Another person behind the same address is not affected.
    const colleague = await identity.user();
    await attempt(apps[1], colleague.email, TEST_PASSWORD).expect(200);

    // Once the block is over, the user can sign in again.
    await identity.query(
      `UPDATE rate_limit_window SET window_ends_at = now() - interval '1 second', blocked_until = now() - interval '1 second'`,
    );
    await attempt(apps[0], user.email, TEST_PASSWORD).expect(200);
  });

  it('counts the e-mail address in any case as one', async () => {
    const user = await identity.user();
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_WINDOW; i++) {
      await attempt(apps[0], i % 2 ? user.email.toUpperCase() : user.email, 'wrong password').expect(401);
    }
    await attempt(apps[0], ` ${user.email.toUpperCase()} `, 'wrong password').expect(429);
  });

  it('keeps neither e-mail nor address in its table, only digests', async () => {
    const rows = await identity.query<{ key: string }>('SELECT key FROM rate_limit_window');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not limit the other routes', async () => {
    const { token } = await identity.signedIn();
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_WINDOW + 2; i++) {
      const res = await request(apps[0].getHttpServer()).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });
});
