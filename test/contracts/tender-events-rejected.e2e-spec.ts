import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { clauseBody, ContractsFactory, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

describe('tender events the engine refuses', () => {
  let app: INestApplication;
  let factory: ContractsFactory;
  let unit: Unit;

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    factory = new ContractsFactory(app);
    unit = await factory.unit();
  });

  const http = () => request(app.getHttpServer());
  const caseworker = () => bearer(unit.procurement.token);
  const versionOf = async (id: string) => (await http().get(`/api/v1/tenders/${id}`).set(caseworker()).expect(200)).body.version;

  describe('422 INVALID_TRANSITION with the events allowed now', () => {
    it.each([
      ['identified', 'publish', {}, ['screen', 'cancel']],
      ['screening', 'award', { startDate: '2025-01-01', endDate: '2026-01-01', lots: [{ lotNumber: 1, supplierId: '00000000-0000-4000-8000-000000000000' }] }, ['screen', 'start-dialogue', 'not-suitable', 'cancel']],
      ['market_dialogue', 'hand-over', {}, ['record-meeting', 'define-clause', 'not-suitable', 'cancel']],
      ['published', 'define-clause', { clauses: [clauseBody()] }, ['award', 'cancel']],
      ['awarded', 'cancel', { reason: 'too late' }, ['hand-over']],
    ] as const)('in %s, %s', async (step, event, body, allowed) => {
      const { tender } = await factory.tenderAt(unit, step);
      const res = await http().post(`/api/v1/tenders/${tender.id}/${event}`).set(caseworker()).send(body).expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'INVALID_TRANSITION', details: { state: step, allowedEvents: allowed } });
      expect(await versionOf(tender.id)).toBe(tender.version);
    });

    it('allows nothing once the tender is closed as not suitable', async () => {
      const { tender } = await factory.tenderAt(unit, 'screening');
      const closed = await http().post(`/api/v1/tenders/${tender.id}/not-suitable`).set(caseworker()).send({ reason: 'Kun specialiserede kerneopgaver' }).expect(200);
      expect(closed.body).toMatchObject({ state: 'not_suitable', closedReason: 'Kun specialiserede kerneopgaver', allowedEvents: [] });
      const res = await http().post(`/api/v1/tenders/${tender.id}/start-dialogue`).set(caseworker()).send({}).expect(422);
      expect(res.body.details.allowedEvents).toEqual([]);
    });
  });

  describe('422 GUARD_FAILED', () => {
    it('needs a dialogue meeting, or the reason none was held, to define the clause', async () => {
      const { tender } = await factory.tenderAt(unit, 'screening');
      await http().post(`/api/v1/tenders/${tender.id}/start-dialogue`).set(caseworker()).send({}).expect(200);
      const refused = await http().post(`/api/v1/tenders/${tender.id}/define-clause`).set(caseworker()).send({ clauses: [clauseBody()] }).expect(422);
      expect(refused.body).toMatchObject({ code: 'GUARD_FAILED', message: expect.stringContaining('noMeetingReason') });
      expect(await factory.identity.query('SELECT id FROM clause_draft WHERE tender_id = $1', [tender.id])).toEqual([]);

      const explained = await http()
        .post(`/api/v1/tenders/${tender.id}/define-clause`)
        .set(caseworker())
        .send({ clauses: [clauseBody()], noMeetingReason: 'Markedsdialogen blev holdt skriftligt' })
        .expect(200);
      expect(explained.body).toMatchObject({ state: 'clause_defined', noMeetingReason: 'Markedsdialogen blev holdt skriftligt' });
    });

    it('needs a clause for every lot unless one covers the whole tender', async () => {
      const { tender } = await factory.tenderAt(unit, 'market_dialogue');
      const clauses = [1, 2, 4, 5, 6, 7, 8].map((lotNumber) => clauseBody({ lotNumber, requiredHires: 2 }));
      const res = await http().post(`/api/v1/tenders/${tender.id}/define-clause`).set(caseworker()).send({ clauses }).expect(422);
      expect(res.body).toMatchObject({ code: 'GUARD_FAILED', message: expect.stringContaining('lot 3 has none') });
      const all = [...clauses, clauseBody({ lotNumber: 3, requiredHires: 2 })];
      const ok = await http().post(`/api/v1/tenders/${tender.id}/define-clause`).set(caseworker()).send({ clauses: all }).expect(200);
      expect(ok.body.clauseDrafts.map((d: { lotNumber: number }) => d.lotNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('needs a winner for every lot', async () => {
      const { tender, suppliers } = await factory.tenderAt(unit, 'published');
      const lots = [1, 2, 3].map((lotNumber) => ({ lotNumber, supplierId: suppliers[0].id }));
      const res = await http()
        .post(`/api/v1/tenders/${tender.id}/award`)
        .set(caseworker())
        .send({ startDate: '2025-01-01', endDate: '2028-12-31', lots })
        .expect(422);
      expect(res.body).toMatchObject({ code: 'GUARD_FAILED', message: expect.stringContaining('lot 4, 5, 6, 7, 8 has no winner') });
      expect(await factory.identity.query('SELECT id FROM contract WHERE tender_id = $1', [tender.id])).toEqual([]);
    });
  });

  it('answers a stale expectedVersion with 409 CONFLICT and the current version', async () => {
    const { tender } = await factory.tenderAt(unit, 'screening');
    const res = await http().post(`/api/v1/tenders/${tender.id}/start-dialogue`).set(caseworker()).send({ expectedVersion: 1 }).expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect(await versionOf(tender.id)).toBe(2);
  });

  describe('403 for roles outside the unit', () => {
    it('keeps jobcenter contacts and supplier HR away from tenders and their history', async () => {
      const { tender, suppliers } = await factory.tenderAt(unit, 'screening');
      const hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
      for (const token of [unit.jobcenter.token, hr.token]) {
        await http().get('/api/v1/tenders').set(bearer(token)).expect(403);
        await http().get(`/api/v1/tenders/${tender.id}`).set(bearer(token)).expect(403);
        await http().get(`/api/v1/tenders/${tender.id}/history`).set(bearer(token)).expect(403);
        const res = await http().post(`/api/v1/tenders/${tender.id}/start-dialogue`).set(bearer(token)).send({}).expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
        await http().post('/api/v1/tenders').set(bearer(token)).send({}).expect(403);
        await http().post('/api/v1/suppliers').set(bearer(token)).send({}).expect(403);
        await http().get('/api/v1/alerts').set(bearer(token)).expect(403);
        await http().get('/api/v1/targets/2025').set(bearer(token)).expect(403);
      }
      await http().get('/api/v1/contracts').set(bearer(unit.jobcenter.token)).expect(403);
      expect(await versionOf(tender.id)).toBe(2);
    });

    it('lets only admins change the clause thresholds', async () => {
      await http().put('/api/v1/clause-thresholds').set(caseworker()).send({ minDurationMonths: 6, minValueDkk: 4_000_000 }).expect(403);
      const set = await http().put('/api/v1/clause-thresholds').set(bearer(unit.admin.token)).send({ minDurationMonths: 6, minValueDkk: 4_000_000 }).expect(200);
      expect(set.body).toEqual({ minDurationMonths: 6, minValueDkk: 4_000_000, source: 'municipality' });
      const small = await http()
        .post('/api/v1/tenders')
        .set(caseworker())
        .send({ title: 'Rengøring', procurementArea: 'cleaning', estimatedValueDkk: 4_500_000, durationMonths: 24, lots: [{ number: 1, title: 'Hele udbuddet' }] })
        .expect(201);
      expect(small.body.clauseRequired).toBe(true);
      const elsewhere = await factory.unit();
      const defaults = await http().get('/api/v1/clause-thresholds').set(bearer(elsewhere.procurement.token)).expect(200);
      expect(defaults.body).toEqual({ minDurationMonths: 6, minValueDkk: 5_000_000, source: 'default' });
    });

    it('lets a supplier HR contact read contracts but not register partners', async () => {
      const { tender, suppliers } = await factory.tenderAt(unit, 'awarded');
      const hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
      const contractId = tender.contracts[0].id;
      await http().get(`/api/v1/contracts/${contractId}`).set(bearer(hr.token)).expect(200);
      await http().post(`/api/v1/contracts/${contractId}/partners`).set(bearer(hr.token)).send({ supplierId: suppliers[1].id, kind: 'subcontractor' }).expect(403);
    });
  });

  describe('404 for what belongs to another municipality or another supplier', () => {
    it("hides another municipality's tender, its history and its contracts", async () => {
      const { tender } = await factory.tenderAt(unit, 'awarded');
      const stranger = await factory.unit();
      const as = bearer(stranger.procurement.token);
      await http().get(`/api/v1/tenders/${tender.id}`).set(as).expect(404);
      await http().get(`/api/v1/tenders/${tender.id}/history`).set(as).expect(404);
      const res = await http().post(`/api/v1/tenders/${tender.id}/hand-over`).set(as).send({}).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await http().get(`/api/v1/contracts/${tender.contracts[0].id}`).set(as).expect(404);
      await http().get(`/api/v1/contracts/${tender.contracts[0].id}/compliance`).set(as).expect(404);
      await http().post(`/api/v1/contracts/${tender.contracts[0].id}/partners`).set(as).send({ supplierId: tender.contracts[1].supplierId, kind: 'subcontractor' }).expect(404);
      await http().get(`/api/v1/suppliers/${tender.contracts[0].supplierId}`).set(as).expect(404);
      expect((await http().get(`/api/v1/tenders/${tender.id}`).set(caseworker()).expect(200)).body.state).toBe('awarded');
    });

    it("hides another supplier's contract from a supplier HR contact", async () => {
      const { tender, suppliers } = await factory.tenderAt(unit, 'awarded');
      const hr = await factory.supplierHr(unit.municipalityId, suppliers[1].id);
      const [own, other] = [tender.contracts[1].id, tender.contracts[0].id];
      await http().get(`/api/v1/contracts/${own}`).set(bearer(hr.token)).expect(200);
      await http().get(`/api/v1/contracts/${other}`).set(bearer(hr.token)).expect(404);
      await http().get(`/api/v1/contracts/${other}/compliance`).set(bearer(hr.token)).expect(404);
    });

    it('answers an unknown id with 404', async () => {
      await http().get('/api/v1/tenders/6f1c2a4e-2b1d-4c3e-9f8a-7b6c5d4e3f2a').set(caseworker()).expect(404);
      await http().get('/api/v1/contracts/6f1c2a4e-2b1d-4c3e-9f8a-7b6c5d4e3f2a').set(caseworker()).expect(404);
    });
  });

  it('refuses a partner that is not an RSV as kind rsv, the own supplier, or twice', async () => {
    const { tender, suppliers } = await factory.tenderAt(unit, 'awarded');
    const contractId = tender.contracts[0].id;
    const path = `/api/v1/contracts/${contractId}/partners`;
    const notRsv = await http().post(path).set(caseworker()).send({ supplierId: suppliers[1].id, kind: 'rsv' }).expect(400);
    expect(notRsv.body.message).toMatch(/supplierId is not registered as a social-economy enterprise/);
    await http().post(path).set(caseworker()).send({ supplierId: suppliers[0].id, kind: 'subcontractor' }).expect(400);
    await http().post(path).set(caseworker()).send({ supplierId: suppliers[1].id, kind: 'subcontractor' }).expect(201);
    const twice = await http().post(path).set(caseworker()).send({ supplierId: suppliers[1].id, kind: 'subcontractor' }).expect(409);
    expect(twice.body.code).toBe('CONFLICT');
  });
});
