import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { changedTables, rowSnapshotter } from '../fuzz/row-snapshot';
import { ContractsFactory, type Unit } from '../support/contracts.factory';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

/** A body of raw JSON text, sent as is (supertest would re-serialise an object, and cannot write 1e-9). */
class RawJson {
  constructor(readonly text: string) {}
}
const rawJson = (text: string) => new RawJson(text);

describe('#12.6: no 5xx from input: control characters, deep nesting, numbers out of range', () => {
  let app: INestApplication;
  let contracts: ContractsFactory;
  let identity: IdentityFactory;
  let unit: Unit;
  let hr: { token: string };
  let contractId: string;
  let tenderId: string;
  let jobOrderId: string;
  let candidateId: string;
  let snapshot: () => Promise<Record<string, string>>;

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  const http = () => request(app.getHttpServer());
  const send = (method: 'post' | 'patch', path: string, token: string, body: object) => {
    const req = http()[method](path).set(bearer(token));
    return body instanceof RawJson ? req.set('Content-Type', 'application/json').send(body.text) : req.send(body);
  };

  beforeAll(async () => {
    app = api.app;
    identity = new IdentityFactory(app);
    contracts = new ContractsFactory(app);
    unit = await contracts.unit();
    const { tender, suppliers } = await contracts.tenderAt(unit, 'handed_over');
    tenderId = tender.id;
    [{ id: contractId }] = await identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    hr = await contracts.supplierHr(unit.municipalityId, suppliers[0].id);
    jobOrderId = (await http().post(`/api/v1/contracts/${contractId}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrderId}/submit`).set(bearer(hr.token)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${jobOrderId}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    candidateId = (await http().post(`/api/v1/job-orders/${jobOrderId}/candidates`).set(bearer(unit.jobcenter.token)).send(candidateBody(1)).expect(201)).body.id;
    await http().post(`/api/v1/candidates/${candidateId}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${jobOrderId}/send-shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
    await http().post(`/api/v1/candidates/${candidateId}/interview`).set(bearer(hr.token)).send({ interviewOn: '2025-02-20' }).expect(200);
    snapshot = await rowSnapshotter((sql, parameters) => identity.query(sql, parameters));
  });

  /** Each request must be a 400 whose message names `field`, with nothing written. */
  async function expectRefused(res: Promise<request.Response> | request.Test, field: string | RegExp, code?: string) {
    const before = await snapshot();
    const answer = await res;
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: code ?? answer.body.code });
    expect(answer.body.message).toMatch(field);
    expect(changedTables(before, await snapshot())).toEqual([]);
  }

  it.each([
    ['a candidate name', () => ['post', `/api/v1/job-orders/${jobOrderId}/candidates`, unit.jobcenter.token, candidateBody(2, { name: 'Mette\u0000Jensen' })], 'name'],
    ['a tender title', () => ['post', '/api/v1/tenders', unit.procurement.token, { title: 'Rengøring\u0000', procurementArea: 'cleaning', estimatedValueDkk: 1_000_000, durationMonths: 12, lots: [{ number: 1, title: 'Alt' }] }], 'title'],
    ['a supplier name', () => ['post', '/api/v1/suppliers', unit.procurement.token, { cvr: '12345674', name: 'Firma\u0000 A/S' }], 'name'],
    ['a job order title', () => ['post', `/api/v1/contracts/${contractId}/job-orders`, hr.token, jobOrderBody({ title: 'Chauffør\u0000' })], 'title'],
    ['a user display name', () => ['post', '/api/v1/users', unit.admin.token, { email: 'ny@example.dk', displayName: 'Ny\u0000Bruger', role: 'jobcenter_contact', password: 'long enough password' }], 'displayName'],
    ['a decline note', () => ['post', `/api/v1/candidates/${candidateId}/decline`, unit.employment.token, { note: 'Afvist\u0000' }], 'note'],
    ['a lot title, nested', () => ['post', '/api/v1/tenders', unit.procurement.token, { title: 'Rengøring', procurementArea: 'cleaning', estimatedValueDkk: 1_000_000, durationMonths: 12, lots: [{ number: 1, title: 'A' }, { number: 2, title: 'B\u0007' }] }], 'lots[1].title'],
    ['a tender title (escape and bell)', () => ['post', '/api/v1/tenders', unit.procurement.token, { title: 'Ren\u001b[31mgøring\u0007', procurementArea: 'cleaning', estimatedValueDkk: 1_000_000, durationMonths: 12, lots: [{ number: 1, title: 'Alt' }] }], 'title'],
    ['a supplier name (a C1 control character)', () => ['post', '/api/v1/suppliers', unit.procurement.token, { cvr: '12345674', name: 'Firma\u0085' }], 'name'],
  ] as const)('#12.6: a NUL or control character in %s is a 400 naming the field, nothing written', async (_what, build, field) => {
    const [method, path, token, body] = build() as unknown as ['post', string, string, object];
    await expectRefused(send(method, path, token, body), new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: text may not hold control characters`), 'CONTROL_CHARACTER');
  });

  it('#12.6: tabs and line breaks stay allowed in multi-line text', async () => {
    const res = await http().post('/api/v1/suppliers').set(bearer(unit.procurement.token)).send({ cvr: '12345674', name: 'Firma\tA/S' });
    expect(res.status).not.toBe(400);
    const note = await http().post(`/api/v1/tenders/${tenderId}/not-suitable`).set(bearer(unit.procurement.token)).send({ reason: 'Første linje\r\nAnden linje' });
    expect(note.body.code).not.toBe('CONTROL_CHARACTER');
  });

  it('#12.6: a body of arrays nested 100,000 deep is a 400 before it is parsed', async () => {
    await expectRefused(send('post', '/api/v1/tenders', unit.procurement.token, rawJson('['.repeat(100_000) + ']'.repeat(100_000))), /deeper than 64 levels/);
  });

  it('#12.6: an object nested 5,000 deep in a title is a 400 before it is parsed', async () => {
    const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    await expectRefused(send('post', '/api/v1/tenders', unit.procurement.token, rawJson(`{"title":${deep},"procurementArea":"cleaning"}`)), /deeper than 64 levels/);
  });

  it('#12.6: brackets inside strings do not count as nesting', async () => {
    const res = await send('post', '/api/v1/suppliers', unit.procurement.token, rawJson(JSON.stringify({ cvr: '12345674', name: `Firma ${'[{'.repeat(500)} \\" ${'['.repeat(100)}` })));
    expect(res.body.message ?? '').not.toMatch(/deeper than/);
  });

  it('#12.6: hire {"weeklyHours":1e-9} is a 400 naming weeklyHours, not a 500', async () => {
    const hire = (weeklyHours: string) =>
      send('post', `/api/v1/candidates/${candidateId}/hire`, hr.token, rawJson(`{"startDate":"2025-03-01","employmentForm":"flexjob","weeklyHours":${weeklyHours}}`));
    for (const hours of ['1e-9', '0', '-1', '37.01', '38', '80', '10.125', '1e308', '5e-7']) {
      await expectRefused(hire(hours), /weeklyHours/);
    }
    const hired = await hire('37').expect(200);
    expect(hired.body.placementId).toEqual(expect.any(String));
  });

  it.each([
    ['a job order', () => ['post', `/api/v1/contracts/${contractId}/job-orders`, () => hr.token, (h: number) => jobOrderBody({ weeklyHours: h })], 'weeklyHours'],
    ['a candidate', () => ['post', `/api/v1/job-orders/${jobOrderId}/candidates`, () => unit.jobcenter.token, (h: number) => candidateBody(3, { availableWeeklyHours: h })], 'availableWeeklyHours'],
  ] as const)("#12.6: a person's weekly hours on %s must be above 0 and at most 37 with 2 decimals", async (_what, build, field) => {
    const [method, path, token, body] = build() as unknown as ['post', string, () => string, (h: number) => object];
    for (const hours of [0, 37.5, 40, 12.345, 1e-9]) await expectRefused(send(method, path, token(), body(hours)), new RegExp(field));
    expect((await send(method, path, token(), body(36.75))).status).toBe(201);
  });

  it("#12.6: a placement's change of hours must be above 0 and at most 37", async () => {
    const placementId = await contracts.placement(contractId);
    for (const weeklyHours of [0, 37.5, 12.345]) {
      await expectRefused(http().post(`/api/v1/placements/${placementId}/change-hours`).set(bearer(hr.token)).send({ weeklyHours, effectiveFrom: '2025-04-01' }), /weeklyHours/);
    }
  });

  it("#12.6: the monthly confirmation's hours must be above 0 and at most 37", async () => {
    await expectRefused(
      http().post('/api/v1/review-links/any-token').send({ placements: [{ placementId: '00000000-0000-4000-8000-000000000000', stillEmployed: true, weeklyHours: 40 }] }),
      /placements\.0\.weeklyHours|weeklyHours/,
    );
  });

  it('#12.6: a huge or unsafe number anywhere is a 400 naming it', async () => {
    await expectRefused(
      send('post', '/api/v1/tenders', unit.procurement.token, rawJson('{"title":"Rengøring","procurementArea":"cleaning","estimatedValueDkk":1e300,"durationMonths":12,"lots":[{"number":1,"title":"Alt"}]}')),
      /^estimatedValueDkk: the number is not one Klausul can take/,
      'NUMBER_OUT_OF_RANGE',
    );
  });

  it('#12.6: a NUL in a path parameter or a query value is a 400, not a 500', async () => {
    await expectRefused(http().get('/api/v1/suppliers?name=a%00b').set(bearer(unit.procurement.token)), /^name: text may not hold control characters/, 'CONTROL_CHARACTER');
    const res = await http().get('/api/v1/workflows/probe%00/diagram').set(bearer(unit.procurement.token));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CONTROL_CHARACTER');
  });
});
