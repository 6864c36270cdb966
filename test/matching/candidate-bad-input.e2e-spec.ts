import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { docxBomb, pdf } from '../files/document-fixtures';
import { ContractsFactory, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

describe('candidates: bad input and other suppliers', () => {
  let app: INestApplication;
  let factory: ContractsFactory;
  let unit: Unit;
  let jobOrderId: string;
  let otherSupplierToken: string;
  const http = () => request(app.getHttpServer());

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    factory = new ContractsFactory(app);
    unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    const [{ id: contractId }] = await factory.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
    otherSupplierToken = (await factory.supplierHr(unit.municipalityId, suppliers[1].id)).token;
    jobOrderId = (await http().post(`/api/v1/contracts/${contractId}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrderId}/submit`).set(bearer(hr.token)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${jobOrderId}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
  });

  const counts = () => factory.counts(['candidate', 'stored_file']);
  const propose = (body: object, path = `/api/v1/job-orders/${jobOrderId}/candidates`) =>
    http().post(path).set(bearer(unit.jobcenter.token)).send(body);
  const withCv = (fileName: string, content: Buffer) => candidateBody(1, { cv: { fileName, contentBase64: content.toString('base64') } });

  it.each([
    ['an executable renamed .pdf', () => withCv('cv.pdf', Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(2048, 1)])), 400, /Only PDF, Word/],
    ['an empty file', () => withCv('cv.pdf', Buffer.alloc(0)), 400, /(empty|contentBase64)/],
    ['a path-traversal file name', () => withCv('../../etc/passwd', pdf()), 400, /other folders/],
    ['a CPR number in the application text', () => candidateBody(1, { applicationText: 'Mit personnummer er 010190-1234' }), 400, /applicationText.*CPR|CPR.*applicationText/i],
    ['a CPR number without the dash in the name', () => candidateBody(1, { name: 'Hans 0101901234' }), 400, /name/],
    ['an unknown target group and negative hours', () => candidateBody(1, { targetGroup: 'pensioner', availableWeeklyHours: -5 }), 400, /targetGroup[\s\S]*availableWeeklyHours|availableWeeklyHours[\s\S]*targetGroup/],
  ])('refuses %s with a clear 4xx and stores nothing', async (_name, body, status, message) => {
    const before = await counts();
    const res = await propose(body());
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('refuses a zip bomb renamed .docx and stores nothing', async () => {
    const before = await counts();
    const res = await propose(withCv('cv.docx', await docxBomb(400 * 1024 * 1024)));
    expect(res.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('refuses a 50 MB file before reading it', async () => {
    const before = await counts();
    const res = await propose(withCv('cv.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(50 * 1024 * 1024, 32)])));
    expect([400, 413]).toContain(res.status);
    expect(await counts()).toEqual(before);
  });

  it('answers an unknown job order with 404', async () => {
    await propose(candidateBody(1), '/api/v1/job-orders/00000000-0000-4000-8000-000000000000/candidates').expect(404);
    await propose(candidateBody(1), '/api/v1/job-orders/not-an-id/candidates').expect(404);
  });

  it("keeps another supplier's candidates and job orders out of sight", async () => {
    const candidate = (await propose(candidateBody(2)).expect(201)).body;
    await http().post(`/api/v1/candidates/${candidate.id}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
    await http().get(`/api/v1/candidates/${candidate.id}`).set(bearer(otherSupplierToken)).expect(404);
    await http().get(`/api/v1/job-orders/${jobOrderId}/candidates`).set(bearer(otherSupplierToken)).expect(404);
    await http().post(`/api/v1/candidates/${candidate.id}/hire`).set(bearer(otherSupplierToken))
      .send({ startDate: '2025-03-01', weeklyHours: 10, employmentForm: 'flexjob' }).expect(404);
  });
});
