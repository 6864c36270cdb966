import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fc from 'fast-check';
import request from 'supertest';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

/** Values that break naive code: wrong types, huge and odd strings, injections, pollution keys, nesting. */
const hostileScalar = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --", '"; DROP TABLE candidate; --', '<script>alert(1)</script>', '${7*7}', '../../etc/passwd', '\u0000', '\uD800',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍⚕️', '0101901234', 'NaN', 'Infinity', '-1', '1e309', '9999-99-99', '0000-00-00', '2026-02-30', 'true', 'null',
  ),
  fc.string({ maxLength: 50 }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 53), 1e308, Number.MIN_VALUE),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, hostileScalar, fc.array(tie('value'), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 10 }), tie('value'), { maxKeys: 4 })),
})).value;
const pollution = fc.constantFrom('__proto__', 'constructor', 'prototype');
const deeplyNested = fc.integer({ min: 200, max: 2_000 }).map((depth) => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));
const hostileBody = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 20 }), hostileValue, { maxKeys: 8 }),
  fc.record({ key: pollution, value: hostileValue }).map(({ key, value }) => JSON.parse(`{"${key}": ${JSON.stringify(value) ?? 'null'}, "isAdmin": true}`)),
  deeplyNested,
  fc.array(hostileValue, { maxLength: 100 }),
  hostileScalar,
);
const hostileId = fc.constantFrom('not-a-uuid', "1' OR '1'='1", '00000000-0000-0000-0000-000000000000', '%00', '..%2F..%2Fetc', '9'.repeat(400), 'ffffffff-ffff-ffff-ffff-ffffffffffff', '2026');

/** Tables whose row counts show whether a request wrote anything. */
const TABLES = ['municipality', 'app_user', 'api_key', 'supplier', 'tender', 'contract', 'job_order', 'candidate', 'placement', 'message', 'outbox', 'workflow_transition', 'probe', 'stored_file', 'jobcenter_channel'];

describe('every route, fuzzed from the OpenAPI document', () => {
  let app: INestApplication;
  let token: string;

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    token = (await new IdentityFactory(app).signedIn({ role: 'admin' })).token;
  });

  it('answers every hostile request with a 4xx in the error shape (never a 5xx), and a refused request writes nothing', async () => {
    const identity = new IdentityFactory(app);
    const snapshot = async () =>
      (await identity.query<Record<string, number>>(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`))[0];
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((method) => ({ path, method: method as 'get' | 'post' | 'put' | 'patch' | 'delete' })),
    );
    const tally = { routes: operations.length, requests: 0, serverErrors: 0, refusedThatWrote: 0 };
    const failures: string[] = [];

    for (const { path, method } of operations) {
      if (path === '/api/v1/auth/logout') continue; // would end the fuzzer's own session; covered by the identity tests
      // Query values stay under Node's header limit (16 KB): beyond it Node itself answers 431 before any route runs.
      const queryValue = hostileScalar.map(String).filter((v) => v.length < 2_000);
      const samples = fc.sample(fc.record({ id: hostileId, body: hostileBody, query: fc.dictionary(fc.string({ maxLength: 8 }), queryValue, { maxKeys: 3 }) }), 12);
      for (const { id, body, query } of samples) {
        const url = path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        const before = await snapshot();
        const req = request(app.getHttpServer())[method](url).query(query).set(bearer(token)).set('X-Forwarded-For', '<script>');
        const res = await (method === 'get' || method === 'delete' ? req : req.set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null'));
        tally.requests += 1;
        if (res.status >= 500) {
          tally.serverErrors += 1;
          failures.push(`${method.toUpperCase()} ${url} -> ${res.status}`);
        } else if (res.status >= 400) {
          const shaped = typeof res.body?.statusCode === 'number' && typeof res.body?.code === 'string' && typeof res.body?.message === 'string';
          if (!shaped) failures.push(`${method.toUpperCase()} ${url} -> ${res.status} without the error shape`);
          if (JSON.stringify(res.body).match(/node_modules|QueryFailedError|SELECT |INSERT /)) failures.push(`${method.toUpperCase()} ${url} leaked internals`);
          const after = await snapshot();
          if (JSON.stringify(after) !== JSON.stringify(before)) {
            tally.refusedThatWrote += 1;
            failures.push(`${method.toUpperCase()} ${url} -> ${res.status} but wrote rows`);
          }
        }
      }
    }
    // eslint-disable-next-line no-console
    console.log(`fuzz: ${tally.routes} routes covered, ${tally.requests} requests sent, ${tally.serverErrors} 5xx seen, ${tally.refusedThatWrote} refused requests that wrote`);
    expect(failures).toEqual([]);
    expect(tally.serverErrors).toBe(0);
  }, 600_000);
});
