import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { clauseBody, ContractsFactory, meetingBody, screeningBody, tenderBody, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

/** Every table phase 1 writes: a refused request must leave all of them as they were. */
const TABLES = [
  'supplier',
  'tender',
  'tender_lot',
  'tender_screening',
  'dialogue_meeting',
  'clause_draft',
  'contract',
  'contract_lot',
  'employment_clause',
  'contract_partner',
  'municipal_target',
  'clause_threshold',
  'workflow_transition',
  'scheduled_task',
  'outbox',
];

describe('bad input: 400 naming every offending field, and nothing written', () => {
  let app: INestApplication;
  let factory: ContractsFactory;
  let unit: Unit;
  let tenders: Record<string, Record<string, any>>;
  let suppliers: { id: string }[];

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    factory = new ContractsFactory(app);
    unit = await factory.unit();
    tenders = {};
    for (const step of ['identified', 'market_dialogue', 'published', 'awarded'] as const) {
      const built = await factory.tenderAt(unit, step);
      tenders[step] = built.tender;
      suppliers = built.suppliers;
    }
  });

  const http = () => request(app.getHttpServer());

  /** Sends the request, expects 400 and every field in the message, and that no row changed. */
  async function refused(method: 'post' | 'put' | 'get', path: string, body: object | undefined, fields: (string | RegExp)[]) {
    const before = await factory.counts(TABLES);
    const req = http()[method](path).set(bearer(unit.procurement.token));
    const res = await (body === undefined ? req : req.send(body));
    expect({ path, status: res.status }).toEqual({ path, status: 400 });
    for (const field of fields) expect(res.body.message).toMatch(field);
    expect(await factory.counts(TABLES)).toEqual(before);
    return res.body;
  }

  it('a tender with missing fields, wrong types, negative numbers and repeated lots', async () => {
    const body = await refused(
      'post',
      '/api/v1/tenders',
      { procurementArea: 'rockets', estimatedValueDkk: 'a lot', durationMonths: -6, lots: [{ number: 1, title: 'A' }, { number: 1, title: '' }] },
      ['title must', 'procurementArea must be one of', 'estimatedValueDkk must be a number', 'durationMonths must not be less than 1', 'lots must not repeat a number', 'lots.1.title must not be empty'],
    );
    expect(body.code).toBe('VALIDATION_FAILED');
    await refused('post', '/api/v1/tenders', tenderBody({ lots: [] }), ['lots must contain at least 1 elements']);
    await refused('post', '/api/v1/tenders', tenderBody({ colour: 'red' }), ['property colour should not exist']);
  });

  it('a supplier with a bad CVR number or no name', async () => {
    const res = await refused('post', '/api/v1/suppliers', { cvr: '12345678', name: ' ' }, ['cvr must be a valid Danish CVR number', 'name must not be empty']);
    expect(res.details.errors).toHaveLength(2);
    await refused('post', '/api/v1/suppliers', { cvr: 35209115, name: 'Odense' }, ['cvr must be a valid Danish CVR number']);
  });

  it('a screening with a negative estimate and a wrong type', async () => {
    await refused('post', `/api/v1/tenders/${tenders.identified.id}/screening`, screeningBody({ estimatedHires: -1, splitShifts: 'yes', coreTasks: 'driving' }), [
      'estimatedHires must not be less than 0',
      'splitShifts must be a boolean',
      'coreTasks must be an array',
    ]);
  });

  it('a meeting on an impossible or future date, with no participants, an unknown willingness or supplier', async () => {
    const path = `/api/v1/tenders/${tenders.market_dialogue.id}/meetings`;
    await refused('post', path, meetingBody({ heldOn: '2024-02-30', participants: [], willingness: 'maybe' }), [
      'heldOn must be a date written YYYY-MM-DD',
      'participants must contain at least 1 elements',
      'willingness must be one of',
    ]);
    await refused('post', path, meetingBody({ heldOn: '2999-01-01', supplierId: '6f1c2a4e-2b1d-4c3e-9f8a-7b6c5d4e3f2a' }), [
      'heldOn must not be in the future',
      'supplierId is not a registered supplier',
    ]);
  });

  it('a clause with negative hours, no hires, unknown target groups, a fulfilment before the first hire, or unknown lots', async () => {
    const path = `/api/v1/tenders/${tenders.market_dialogue.id}/define-clause`;
    await refused(
      'post',
      path,
      { clauses: [clauseBody({ weeklyHoursPerHire: -5, requiredHires: 0, targetGroups: ['pirates'], firstHireWithinMonths: 12, fullFulfilmentWithinMonths: 6 })] },
      ['clauses.0.weeklyHoursPerHire must be a positive number', 'clauses.0.requiredHires must not be less than 1', 'clauses.0.targetGroups must each be one of', 'clauses.0.fullFulfilmentWithinMonths must not be less than firstHireWithinMonths'],
    );
    await refused('post', path, { clauses: [clauseBody({ weeklyHoursPerHire: undefined })] }, ['weeklyHoursPerHire or totalWeeklyHours is required']);
    await refused('post', path, { clauses: [clauseBody({ fullFulfilmentWithinMonths: 3 })] }, ['clauses.0.fullFulfilmentWithinMonths must not be less than firstHireWithinMonths (6)']);
    const unknownLots = await refused('post', path, { clauses: [clauseBody({ lotNumber: 9 }), clauseBody({ lotNumber: 12 })] }, [
      'clauses.0.lotNumber names lot 9',
      'clauses.1.lotNumber names lot 12',
    ]);
    expect(unknownLots).toMatchObject({ code: 'INVALID_INPUT', details: { fields: ['clauses.0.lotNumber', 'clauses.1.lotNumber'] } });
    await refused('post', path, { clauses: [clauseBody(), clauseBody({ lotNumber: 1 })] }, ['clauses must be either one clause for the whole tender']);
  });

  it('an award that ends before it starts, or names unknown lots and suppliers', async () => {
    const path = `/api/v1/tenders/${tenders.published.id}/award`;
    const lots = Array.from({ length: 8 }, (_, i) => ({ lotNumber: i + 1, supplierId: suppliers[0].id }));
    await refused('post', path, { startDate: '2025-06-01', endDate: '2025-01-01', lots }, ['endDate must be after startDate']);
    await refused('post', path, { startDate: '9999-06-01', endDate: '9999-12-31', lots }, ['startDate must be a date written YYYY-MM-DD (years 1900-2999)']);
    await refused('post', path, { startDate: '1 June', endDate: '2025-01-01', lots: [{ lotNumber: 'one', supplierId: 'x' }] }, [
      'startDate must be a date written YYYY-MM-DD',
      'lots.0.lotNumber must be an integer',
      'lots.0.supplierId must be a UUID',
    ]);
    const unknown = [...lots.slice(0, 7), { lotNumber: 9, supplierId: '6f1c2a4e-2b1d-4c3e-9f8a-7b6c5d4e3f2a' }];
    const res = await refused('post', path, { startDate: '2025-01-01', endDate: '2028-12-31', lots: unknown }, [
      'lots.7.lotNumber names lot 9, which the tender does not have',
      'lots.7.supplierId is not a registered supplier',
    ]);
    expect(res.details.fields).toEqual(['lots.7.lotNumber', 'lots.7.supplierId']);
    await refused('post', path, { startDate: '2025-01-01', endDate: '2028-12-31', lots, clauseSplit: [{ supplierId: suppliers[1].id, requiredHires: 3 }] }, [
      'clauseSplit.0.supplierId is not one of the winners',
      'clauseSplit must give a share to every winner',
    ]);
  });

  it('a reason that is empty', async () => {
    await refused('post', `/api/v1/tenders/${tenders.identified.id}/cancel`, { reason: '   ' }, ['reason must not be empty']);
    await refused('post', `/api/v1/tenders/${tenders.identified.id}/cancel`, {}, ['reason must be a string']);
  });

  it('malformed ids, dates, years and shares in the path and query', async () => {
    await refused('get', '/api/v1/tenders/not-a-uuid', undefined, ['id must be a UUID']);
    await refused('post', '/api/v1/tenders/not-a-uuid/publish', {}, ['id must be a UUID']);
    const contractId = tenders.awarded.contracts[0].id;
    await refused('get', `/api/v1/contracts/${contractId}/compliance?at=2025-13-01`, undefined, ['at must be a date written YYYY-MM-DD']);
    await refused('get', `/api/v1/contracts/${contractId}/compliance?on=2025-01-01`, undefined, ['property on should not exist']);
    await refused('get', '/api/v1/targets/next-year', undefined, ['year must be a whole number']);
    await refused('put', '/api/v1/targets/1999', { clauseShare: 0.5 }, ['year must not be less than 2000']);
    await refused('put', '/api/v1/targets/2025', { clauseShare: 1.5, hiresUnderClauses: -1 }, [
      'clauseShare must not be greater than 1',
      'hiresUnderClauses must not be less than 0',
    ]);
    await refused('post', `/api/v1/contracts/${contractId}/partners`, { supplierId: 'flexvirk', kind: 'friend' }, ['supplierId must be a UUID', 'kind must be one of: rsv, subcontractor']);
  });

  it('clause thresholds out of range', async () => {
    const before = await factory.counts(['clause_threshold']);
    const res = await http()
      .put('/api/v1/clause-thresholds')
      .set(bearer(unit.admin.token))
      .send({ minDurationMonths: 0, minValueDkk: -1 })
      .expect(400);
    expect(res.body.message).toMatch('minDurationMonths must not be less than 1');
    expect(res.body.message).toMatch('minValueDkk must not be less than 0');
    expect(await factory.counts(['clause_threshold'])).toEqual(before);
  });

  it('never answers bad input with a 5xx', async () => {
    const res = await http().post('/api/v1/tenders').set(bearer(unit.procurement.token)).set('Content-Type', 'application/json').send('{"title": ');
    expect(res.status).toBe(400);
  });
});
