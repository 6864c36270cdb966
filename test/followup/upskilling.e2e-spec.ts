import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ContractsFactory, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

const TABLES = ['upskilling_programme', 'upskilling_programme_partner', 'upskilling_participant', 'candidate', 'workflow_transition'] as const;

describe('upskilling programmes (opkvalificeringsforløb)', () => {
  let app: INestApplication;
  let f: ContractsFactory;
  let unit: Unit;
  let otherUnit: Unit;
  let supplierId: string;
  let jobOrder: string;
  const http = () => request(app.getHttpServer());

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    f = new ContractsFactory(app);
    unit = await f.unit();
    otherUnit = await f.unit();
    const { tender, suppliers } = await f.tenderAt(unit, 'handed_over');
    supplierId = suppliers[0].id;
    const [{ id: contract }] = await f.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, supplierId]);
    const hr = await f.supplierHr(unit.municipalityId, supplierId);
    jobOrder = (await http().post(`/api/v1/contracts/${contract}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrder}/submit`).set(bearer(hr.token)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${jobOrder}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
  });

  const programme = async (capacity = 15) =>
    (
      await http()
        .post('/api/v1/upskilling/programmes')
        .set(bearer(unit.employment.token))
        .send({ name: 'OPI-træningscenter, rengøring', capacity, maxDurationMonths: 18, partnerSupplierIds: [supplierId] })
        .expect(201)
    ).body;

  const enrol = (programmeId: string, name: string, token = unit.employment.token) =>
    http().post(`/api/v1/upskilling/programmes/${programmeId}/participants`).set(bearer(token)).send({ name, startDate: '2025-01-06' });

  it('enforces the capacity of currently enrolled participants; a place frees up when someone leaves', async () => {
    const p = await programme(2);
    expect(p).toMatchObject({ capacity: 2, maxDurationMonths: 18, partnerSupplierIds: [supplierId], enrolled: 0, placesLeft: 2 });
    const a = (await enrol(p.id, 'Deltager A').expect(201)).body;
    expect(a).toMatchObject({ state: 'enrolled', startDate: '2025-01-06', plannedEndDate: '2026-07-05' });
    await enrol(p.id, 'Deltager B').expect(201);
    const full = await enrol(p.id, 'Deltager C');
    expect(full.status).toBe(422);
    expect(full.body).toMatchObject({ code: 'GUARD_FAILED', message: 'the programme is full: 2 of 2 places are taken' });
    await http().post(`/api/v1/upskilling/participants/${a.id}/drop-out`).set(bearer(unit.procurement.token)).send({ endDate: '2025-03-01' }).expect(200);
    await enrol(p.id, 'Deltager C').expect(201);
    const view = (await http().get(`/api/v1/upskilling/programmes/${p.id}`).set(bearer(unit.admin.token)).expect(200)).body;
    expect(view).toMatchObject({ enrolled: 2, placesLeft: 0 });
    const participants = (await http().get(`/api/v1/upskilling/programmes/${p.id}/participants`).set(bearer(unit.admin.token)).expect(200)).body.items;
    expect(participants.map((x: { name: string; state: string }) => `${x.name}:${x.state}`).sort()).toEqual(['Deltager A:dropped_out', 'Deltager B:enrolled', 'Deltager C:enrolled']);
  });

  it('lets two enrolments race for the last place and admits only one', async () => {
    const p = await programme(1);
    const results = await Promise.all([enrol(p.id, 'Først'), enrol(p.id, 'Samtidig')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
  });

  it('runs the lifecycle enrolled -> completed with an outcome, and refuses events from a final state', async () => {
    const p = await programme();
    const x = (await enrol(p.id, 'Deltager L').expect(201)).body;
    const done = await http().post(`/api/v1/upskilling/participants/${x.id}/complete`).set(bearer(unit.employment.token)).send({ endDate: '2026-06-30', outcome: 'practicum' }).expect(200);
    expect(done.body).toMatchObject({ state: 'completed', version: 2, endDate: '2026-06-30', outcome: 'practicum' });
    const again = await http().post(`/api/v1/upskilling/participants/${x.id}/drop-out`).set(bearer(unit.employment.token)).send({ endDate: '2026-06-30' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    const history = await http().get(`/api/v1/upskilling-participants/${x.id}/history`).set(bearer(unit.admin.token)).expect(200);
    expect(history.body.items.map((h: { event: string }) => h.event)).toEqual(['create', 'complete']);
  });

  it('proposes a completed participant as a candidate who carries the upskilling history', async () => {
    const p = await programme();
    const x = (await enrol(p.id, 'Deltager P').expect(201)).body;
    const body = { ...candidateBody(1), name: undefined, jobOrderId: jobOrder };
    const early = await http().post(`/api/v1/upskilling/participants/${x.id}/propose`).set(bearer(unit.employment.token)).send(body);
    expect(early.status).toBe(422);
    await http().post(`/api/v1/upskilling/participants/${x.id}/complete`).set(bearer(unit.employment.token)).send({ endDate: '2026-06-30', outcome: 'job' }).expect(200);
    const proposed = await http().post(`/api/v1/upskilling/participants/${x.id}/propose`).set(bearer(unit.employment.token)).send(body).expect(201);
    expect(proposed.body).toMatchObject({ jobOrderId: jobOrder, state: 'proposed', name: 'Deltager P', hasCv: true, upskilling: { participantId: x.id, programmeId: p.id, outcome: 'job' } });
    const [row] = await f.identity.query<{ upskilling_participant_id: string }>('SELECT upskilling_participant_id FROM candidate WHERE id = $1', [proposed.body.id]);
    expect(row.upskilling_participant_id).toBe(x.id);
    const twice = await http().post(`/api/v1/upskilling/participants/${x.id}/propose`).set(bearer(unit.employment.token)).send(body);
    expect(twice.status).toBe(409);
    const participants = (await http().get(`/api/v1/upskilling/programmes/${p.id}/participants`).set(bearer(unit.procurement.token)).expect(200)).body.items;
    expect(participants[0].candidates).toEqual([{ candidateId: proposed.body.id, jobOrderId: jobOrder, state: 'proposed' }]);
    const [{ n }] = await f.identity.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM access_log WHERE action = 'read-upskilling-participant' AND subject_id = $1", [x.id],
    );
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad input with a 400 and writes nothing', async () => {
    const p = await programme(3);
    const x = (await enrol(p.id, 'Deltager Q').expect(201)).body;
    const before = await f.counts(TABLES);
    const bad = [
      http().post('/api/v1/upskilling/programmes').set(bearer(unit.admin.token)).send({ name: 'Uden kapacitet', maxDurationMonths: 18 }),
      http().post('/api/v1/upskilling/programmes').set(bearer(unit.admin.token)).send({ name: 'Forløb', capacity: 0, maxDurationMonths: 18 }),
      http().post('/api/v1/upskilling/programmes').set(bearer(unit.admin.token)).send({ name: 'Forløb', capacity: 5, maxDurationMonths: 18, partnerSupplierIds: [(await f.supplier(otherUnit.municipalityId)).id] }),
      http().post('/api/v1/upskilling/programmes').set(bearer(unit.admin.token)).send({ name: 'Forløb 010190-1234', capacity: 5, maxDurationMonths: 18 }),
      enrol(p.id, 'Anne 0101901234'),
      http().post(`/api/v1/upskilling/programmes/${p.id}/participants`).set(bearer(unit.admin.token)).send({ name: 'Deltager', startDate: '2025-02-30' }),
      http().post(`/api/v1/upskilling/programmes/${p.id}/participants`).set(bearer(unit.admin.token)).send({ name: 'Deltager', startDate: '2025-01-01', plannedEndDate: '2027-01-01' }),
      http().post(`/api/v1/upskilling/participants/${x.id}/complete`).set(bearer(unit.admin.token)).send({ endDate: '2025-01-01', outcome: 'job' }),
      http().post(`/api/v1/upskilling/participants/${x.id}/complete`).set(bearer(unit.admin.token)).send({ endDate: '2026-01-01', outcome: 'lottery' }),
      http().post(`/api/v1/upskilling/participants/${x.id}/propose`).set(bearer(unit.admin.token)).send({ jobOrderId: 'not-a-uuid' }),
    ];
    for (const res of await Promise.all(bad)) {
      expect({ status: res.status, code: res.body.code }).toMatchObject({ status: 400 });
    }
    expect(await f.counts(TABLES)).toEqual(before);
  });

  it("answers 404 for another municipality's programme and participant, and 403 to suppliers", async () => {
    const p = await programme();
    const x = (await enrol(p.id, 'Deltager R').expect(201)).body;
    const before = await f.counts(TABLES);
    await http().get(`/api/v1/upskilling/programmes/${p.id}`).set(bearer(otherUnit.admin.token)).expect(404);
    await enrol(p.id, 'Fremmed', otherUnit.employment.token).expect(404);
    await http().post(`/api/v1/upskilling/participants/${x.id}/complete`).set(bearer(otherUnit.employment.token)).send({ endDate: '2026-01-01', outcome: 'job' }).expect(404);
    await http().post(`/api/v1/upskilling/participants/${x.id}/propose`).set(bearer(otherUnit.employment.token)).send({ ...candidateBody(2), jobOrderId: jobOrder }).expect(404);
    expect((await http().get('/api/v1/upskilling/programmes').set(bearer(otherUnit.admin.token)).expect(200)).body.items).toEqual([]);
    const hr = await f.supplierHr(unit.municipalityId, supplierId);
    await http().get(`/api/v1/upskilling/programmes/${p.id}`).set(bearer(hr.token)).expect(403);
    expect(await f.counts(TABLES)).toEqual(before);
  });
});
