import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CandidatePrivacyService } from '@klausul/matching';
import { ContractsFactory, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

describe("a candidate's data: export, erasure and retention", () => {
  let app: INestApplication;
  let factory: ContractsFactory;
  let unit: Unit;
  let supplierToken: string;
  let contractId: string;
  let jobOrderId: string;
  const http = () => request(app.getHttpServer());

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    factory = new ContractsFactory(app);
    unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    [{ id: contractId }] = await factory.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    supplierToken = (await factory.supplierHr(unit.municipalityId, suppliers[0].id)).token;
    jobOrderId = (await http().post(`/api/v1/contracts/${contractId}/job-orders`).set(bearer(supplierToken)).send(jobOrderBody({ positions: 2 })).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrderId}/submit`).set(bearer(supplierToken)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${jobOrderId}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
  });

  const propose = async (i: number) => (await http().post(`/api/v1/job-orders/${jobOrderId}/candidates`).set(bearer(unit.jobcenter.token)).send(candidateBody(i)).expect(201)).body.id as string;
  const hire = async (id: string, weeklyHours: number) => {
    await http().post(`/api/v1/candidates/${id}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
    await http().post(`/api/v1/candidates/${id}/hire`).set(bearer(supplierToken)).send({ startDate: '2025-03-01', weeklyHours, employmentForm: 'flexjob' }).expect(200);
  };
  const compliance = async () => (await http().get(`/api/v1/contracts/${contractId}/compliance?at=2025-06-01`).set(bearer(unit.procurement.token)).expect(200)).body;

  it('exports everything held about a person, with the CV and who read it', async () => {
    const id = await propose(1);
    await http().get(`/api/v1/candidates/${id}/cv`).set(bearer(unit.employment.token)).expect(200);
    const res = await http().get(`/api/v1/candidates/${id}/export`).set(bearer(unit.employment.token)).expect(200);
    expect(res.body.candidate).toMatchObject({ display_name: 'Kandidat 1', email: 'kandidat1@example.dk' });
    expect(Buffer.from(res.body.cv.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.body.accessLog.map((a: { action: string }) => a.action)).toContain('read-cv');
    await http().get(`/api/v1/candidates/${id}/export`).set(bearer(supplierToken)).expect(403);
  });

  it('erases a hired person at once and leaves every compliance figure as it was', async () => {
    const id = await propose(2);
    await hire(id, 14);
    const before = await compliance();

    await http().post(`/api/v1/candidates/${id}/erasure`).set(bearer(unit.employment.token)).expect(204);

    expect(await compliance()).toEqual(before);
    const after = await http().get(`/api/v1/candidates/${id}`).set(bearer(unit.employment.token)).expect(200);
    expect(after.body).toMatchObject({ name: null, email: null, applicationText: null, hasCv: false, state: 'hired', targetGroup: 'flexjob' });
    await http().get(`/api/v1/candidates/${id}/cv`).set(bearer(unit.employment.token)).expect(404);
    const [file] = await factory.identity.query<{ n: number }>(`SELECT count(*)::int AS n FROM stored_file WHERE deleted_at IS NULL AND purpose = 'cv' AND original_name = 'cv-2.pdf'`);
    expect(file.n).toBe(0);
  });

  it('erases the data of people not hired once their job order has been closed long enough', async () => {
    const kept = await propose(3);
    await http().post(`/api/v1/job-orders/${jobOrderId}/close`).set(bearer(supplierToken)).send({}).expect(200);
    const privacy = app.get(CandidatePrivacyService);
    const dataSource = app.get(DataSource);

    expect(await dataSource.transaction((m) => privacy.applyRetention(m, new Date(), 6, 12))).toBe(0);
    const inSevenMonths = new Date(Date.now() + 7 * 31 * 24 * 3600 * 1000);
    const erased = await dataSource.transaction((m) => privacy.applyRetention(m, inSevenMonths, 6, 12));
    expect(erased).toBeGreaterThanOrEqual(2); // candidates 1 and 3; the hired one stays until its contract ends
    const [row] = await dataSource.query('SELECT display_name, erased_at FROM candidate WHERE id = $1', [kept]);
    expect(row.display_name).toBeNull();
    expect(row.erased_at).not.toBeNull();
    const [{ hiredNamed }] = await dataSource.query(`SELECT count(*)::int AS "hiredNamed" FROM candidate WHERE state = 'hired' AND erased_at IS NULL`);
    expect(hiredNamed).toBe(0); // the only hired one was erased on request above
  });

  it("follows the municipality's own retention period over the default", async () => {
    await http().post(`/api/v1/job-orders/${jobOrderId}/reopen`).set(bearer(unit.procurement.token)).send({}).expect(200);
    const longer = await propose(4);
    await http().post(`/api/v1/job-orders/${jobOrderId}/close`).set(bearer(supplierToken)).send({}).expect(200);
    await http().put('/api/v1/settings/matching').set(bearer(unit.admin.token)).send({ candidateWorkingDays: 10, retentionUnsuccessfulMonths: 24 }).expect(200);
    const privacy = app.get(CandidatePrivacyService);
    const dataSource = app.get(DataSource);
    const inSevenMonths = new Date(Date.now() + 7 * 31 * 24 * 3600 * 1000);
    await dataSource.transaction((m) => privacy.applyRetention(m, inSevenMonths, 6, 12));
    const [kept] = await dataSource.query('SELECT erased_at FROM candidate WHERE id = $1', [longer]);
    expect(kept.erased_at).toBeNull();
    const inTwoYears = new Date(Date.now() + 25 * 31 * 24 * 3600 * 1000);
    await dataSource.transaction((m) => privacy.applyRetention(m, inTwoYears, 6, 12));
    const [gone] = await dataSource.query('SELECT erased_at FROM candidate WHERE id = $1', [longer]);
    expect(gone.erased_at).not.toBeNull();
    await http().put('/api/v1/settings/matching').set(bearer(unit.admin.token)).send({ candidateWorkingDays: 10, retentionUnsuccessfulMonths: 48 }).expect(400);
  });
});
