import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ROLES, type Role } from '@klausul/domain';
import { bodyWith, concretePath, fieldName, type Method, openApiOperations, schemaLeaves } from '../fuzz/openapi-schema';
import { changedTables, rowSnapshotter } from '../fuzz/row-snapshot';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { jobOrderBody } from '../support/matching.fixtures';
import { ContractsFactory } from '../support/contracts.factory';
import { useTestApi } from '../support/test-api';

/** Fields the input check leaves out on purpose (see NOT_FREE_TEXT in libs/http): binary data and secrets. */
const NOT_FREE_TEXT = new Set(['contentBase64', 'password', 'currentPassword', 'newPassword', 'secret']);

/** One shape per request, so every shape the issue names is tried somewhere. */
const CPR_SHAPES = [
  'CPR 010190-1234', '010190 1234', '010190/1234', '01.01.90-1234', '01 01 90 12 34', '010190\u20131234', '010190\u20101234',
  '010190\u20111234', '\uff10\uff11\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14', '\u0660\u0661\u0660\u0661\u0669\u0660\u0661\u0662\u0663\u0664',
  '0101\u200b901234',
];

describe('#11.6: no CPR number in any text field of any write route', () => {
  let app: INestApplication;
  const tokens = new Map<Role, string>();
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    const identity = new IdentityFactory(app);
    const municipality = await identity.municipality();
    for (const role of ROLES) tokens.set(role, (await identity.signedIn({ role, municipalityId: municipality.id })).token);
  });

  it('#11.6: every string property of every POST/PUT/PATCH body, sent a CPR-shaped value, is a 400 naming the field, and nothing is written', async () => {
    const identity = new IdentityFactory(app);
    const snapshot = await rowSnapshotter((sql, parameters) => identity.query(sql, parameters));
    const { operations, resolve } = openApiOperations(app);
    const writes = operations.filter((operation) => operation.method !== 'get' && operation.method !== 'delete');
    const tally = { routes: writes.length, withText: 0, fields: 0 };
    const failures: string[] = [];

    for (const { path, method, body } of writes) {
      const fields = body ? schemaLeaves(body, resolve).filter((leaf) => leaf.kind === 'string' && !NOT_FREE_TEXT.has(String(leaf.path.at(-1)))) : [];
      if (fields.length) tally.withText += 1;
      for (const { path: property } of fields) {
        tally.fields += 1;
        const value = `Se ${CPR_SHAPES[tally.fields % CPR_SHAPES.length]} her`;
        const url = concretePath(path, randomUUID());
        const before = await snapshot();
        const res = await sendAsFirstAllowedRole(method, url, bodyWith(property, value));
        const name = fieldName(property);
        const where = `${method.toUpperCase()} ${path} ${name}`;
        if (res.status !== 400 || res.body.code !== 'CPR_NUMBER_REFUSED') failures.push(`${where} -> ${res.status} ${res.body?.code}`);
        else if (!(res.body.details.fields as string[]).includes(name) || !res.body.message.includes(name)) failures.push(`${where}: the answer names ${res.body.details.fields}`);
        else if (/1234|٤|４/.test(JSON.stringify(res.body))) failures.push(`${where}: the answer repeats the number`);
        const changed = changedTables(before, await snapshot());
        if (changed.length) failures.push(`${where} wrote to ${changed.join(', ')}`);
      }
    }
    // eslint-disable-next-line no-console
    console.log(`cpr: ${tally.routes} write routes, ${tally.withText} with text fields, ${tally.fields} fields tried`);
    expect(failures).toEqual([]);
    expect(tally.fields).toBeGreaterThan(100);
  }, 300_000);

  it("#11.6: the supplier's monthly confirmation link refuses a CPR number in a placement's note, naming placements[2].note", async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/review-links/any-token')
      .send({ placements: [{ placementId: randomUUID(), stillEmployed: true }, { placementId: randomUUID(), stillEmployed: true }, { placementId: randomUUID(), stillEmployed: false, note: 'Stoppet, cpr 010190-1234' }] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'CPR_NUMBER_REFUSED', details: { fields: ['placements[2].note'], location: 'body' } });
    expect(res.body.message).toMatch(/placements\[2\]\.note seems to contain a CPR number/);
  });

  it('#11.6: a CPR number in a job description that is otherwise valid is refused, and the CPR refusal wins over an unknown field', async () => {
    const contracts = new ContractsFactory(app);
    const unit = await contracts.unit((await new IdentityFactory(app).municipality()).id);
    const { tender, suppliers } = await contracts.tenderAt(unit, 'handed_over');
    const [{ id: contractId }] = await new IdentityFactory(app).query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const hr = await contracts.supplierHr(unit.municipalityId, suppliers[0].id);
    const res = await request(app.getHttpServer())
      .post(`/api/v1/contracts/${contractId}/job-orders`)
      .set(bearer(hr.token))
      .send(jobOrderBody({ requirements: 'Kørekort B. Kontakt: 0101\u200b90\u20131234', unknownField: 'x' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'CPR_NUMBER_REFUSED', details: { fields: ['requirements'] } });
    expect(await new IdentityFactory(app).query('SELECT id FROM job_order WHERE contract_id = $1', [contractId])).toEqual([]);
  });

  it('#11.6: a search in a query string is checked too', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/suppliers?name=010190-1234').set(bearer(tokens.get('admin')!));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'CPR_NUMBER_REFUSED', details: { fields: ['name'], location: 'query' } });
  });

  it('#11.6: no controller reads a request body or query around the pipe (only @Body() and @Query() values pass it)', () => {
    const sources = readdirSync('libs', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
    const bypassing = sources.filter((file) => {
      const text = readFileSync(join('libs', file), 'utf8');
      // The login rate limit reads the e-mail address only to key its counter (a digest); nothing of it is stored.
      // The web pages' form CSRF middleware reads only the `_csrf` field (and removes it); the pages then
      // check their fields with validateForm, the same hygiene plus the REST DTO (test/web/*-pages tests).
      return /\b(req|request)\.(body|query)\b/.test(text) && !file.endsWith('login-rate-limit.guard.ts') && !file.endsWith('web/src/setup/form-csrf.middleware.ts');
    });
    expect(bypassing).toEqual([]);
  });

  /** The check runs after authorisation: a role the route refuses gets 403, so try each role until one gets through. */
  async function sendAsFirstAllowedRole(method: Method, url: string, body: unknown) {
    let last: request.Response | undefined;
    for (const role of ROLES) {
      last = await request(app.getHttpServer())[method](url).set(bearer(tokens.get(role)!)).send(body as object);
      if (last.status !== 403) return last;
    }
    return last!;
  }
});

