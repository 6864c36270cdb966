import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fc from 'fast-check';
import request from 'supertest';
import { ROLES, type Role } from '@klausul/domain';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';
import { bodyWith, concretePath, fieldName, type Method, openApiOperations, schemaLeaves } from './openapi-schema';

/** Text with a control character (NUL and the other C0 and C1 ones but tab and line breaks), at the start, inside and at the end. */
function controlCharacterTexts(): string[] {
  const controls = [...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => ![0x09, 0x0a, 0x0d].includes(c)), 0x7f, 0x80, 0x85, 0x9f].map((c) => String.fromCharCode(c));
  return controls.map((c, i) => [`${c}Navn`, `Mette${c}Jensen`, `Chauffør${c}`][i % 3]);
}

/** Numbers at the edges: below the smallest JavaScript writes without an exponent, the subnormals, beyond 2^53 and near the largest double. */
const EXTREME_NUMBERS = [1e-9, 5e-7, -1e-7, 5e-324, Number.MIN_VALUE, 1e21, -1e21, 2 ** 53 + 2, 1.7976931348623157e308, -1e308, 0.1 + 0.2, 12.345];

/** Raw JSON bodies nested far deeper than any request: written as text, as JSON.stringify of them would overflow the test's own stack. */
const DEEP_ARRAY_BODY = '['.repeat(100_000) + ']'.repeat(100_000);
const deepObjectIn = (field: string) => `{${JSON.stringify(field)}:${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;

/** Values that break naive code: wrong types, huge and odd strings, injections, pollution keys, nesting. */
const hostileScalar = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --", '"; DROP TABLE candidate; --', '<script>alert(1)</script>', '${7*7}', '../../etc/passwd', '\u0000', '\uD800',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍⚕️', '0101901234', 'NaN', 'Infinity', '-1', '1e309', '9999-99-99', '0000-00-00', '2026-02-30', 'true', 'null',
  ),
  fc.constantFrom(...controlCharacterTexts()),
  fc.constantFrom(...EXTREME_NUMBERS),
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

  it('#12.6: every write route, as a role it lets through, gets control characters in each text field, extreme numbers in each number field and bodies nested 100,000 and 5,000 deep: a 4xx in the error shape, never a 5xx, nothing written', async () => {
    const identity = new IdentityFactory(app);
    const snapshot = async () =>
      (await identity.query<Record<string, number>>(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`))[0];
    const municipality = await identity.municipality();
    const tokens = new Map<Role, string>();
    for (const role of ROLES) tokens.set(role, (await identity.signedIn({ role, municipalityId: municipality.id })).token);
    const { operations, resolve } = openApiOperations(app);
    const writes = operations.filter(({ method, path }) => method !== 'get' && method !== 'delete' && path !== '/api/v1/auth/logout');
    const tally = { routes: writes.length, requests: 0, serverErrors: 0, refusedThatWrote: 0 };
    const failures: string[] = [];
    const texts = controlCharacterTexts();

    const send = (method: Method, url: string, token: string | undefined, body: string) => {
      const req = request(app.getHttpServer())[method](url).set('Content-Type', 'application/json');
      return (token ? req.set(bearer(token)) : req).send(body);
    };
    /** Guards run before any pipe: find a role the route lets through (403 for the others), so the body is really read. */
    const allowedToken = async (method: Method, url: string) => {
      for (const role of ROLES) {
        const res = await send(method, url, tokens.get(role), '{}');
        if (res.status !== 403) return tokens.get(role);
      }
      return tokens.get('admin');
    };

    for (const { path, method, body } of writes) {
      const url = concretePath(path, randomUUID());
      const token = await allowedToken(method, url);
      const leaves = body ? schemaLeaves(body, resolve) : [];
      const firstText = leaves.find((leaf) => leaf.kind === 'string' && typeof leaf.path[0] === 'string')?.path[0] as string | undefined;
      const bodies: { what: string; raw: string }[] = [
        { what: 'a 100,000-deep array', raw: DEEP_ARRAY_BODY },
        { what: `a 5,000-deep object in ${firstText ?? 'title'}`, raw: deepObjectIn(firstText ?? 'title') },
        ...leaves.flatMap(({ path: property, kind }, i): { what: string; raw: string }[] => {
          if (kind === 'string') return [{ what: `a control character in ${fieldName(property)}`, raw: JSON.stringify(bodyWith(property, texts[i % texts.length])) }];
          if (kind === 'number' || kind === 'integer') {
            return [1e-9, 5e-324, 1e21, 1.7976931348623157e308].map((n) => ({ what: `${n} in ${fieldName(property)}`, raw: JSON.stringify(bodyWith(property, n)) }));
          }
          return [];
        }),
      ];
      for (const { what, raw } of bodies) {
        const before = await snapshot();
        const res = await send(method, url, token, raw);
        tally.requests += 1;
        const where = `${method.toUpperCase()} ${path} with ${what}`;
        if (res.status >= 500) {
          tally.serverErrors += 1;
          failures.push(`${where} -> ${res.status}`);
        } else if (res.status >= 400) {
          if (typeof res.body?.code !== 'string' || typeof res.body?.message !== 'string') failures.push(`${where} -> ${res.status} without the error shape`);
          if (JSON.stringify(await snapshot()) !== JSON.stringify(before)) {
            tally.refusedThatWrote += 1;
            failures.push(`${where} -> ${res.status} but wrote rows`);
          }
        }
      }
    }
    // eslint-disable-next-line no-console
    console.log(`fuzz (control characters, deep nesting, extreme numbers): ${tally.routes} write routes covered, ${tally.requests} requests sent, ${tally.serverErrors} 5xx seen, ${tally.refusedThatWrote} refused requests that wrote`);
    expect(failures).toEqual([]);
    expect(tally.serverErrors).toBe(0);
  }, 600_000);
});

