import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { LinkBuilder } from '@klausul/links';
import { MailSender, verifyWebhookSignature } from '@klausul/messaging';
import { createApiApplication } from '@klausul/runtime';
import { ContractsFactory, type TestSupplier, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, testRuntime } from '../support/test-runtime';
import { WebhookReceiver } from '../messaging/webhook-receiver';
import { deliveryState } from '../support/delivery-state';

// The reference case's hires: 16 new flexjobs, 186 hours a week in all (DOMAIN.md).
const HIRED_HOURS = [10, 10, 10, 10, 10, 12, 12, 12, 12, 12, 12, 12, 12, 14, 14, 12];
const SECRET = 'jobcenter-webhook-secret-1234';
// A delivery may take a retry on a loaded CI machine (backoff 2 s, then 4 s); on a
// timeout the failure says where each delivery stands.
const DELIVERY_MS = 30_000;

describe('phase 2, the reference case: job description to the jobcenter, candidates back, 16 hires', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  let factory: ContractsFactory;
  let unit: Unit;
  let supplier: TestSupplier;
  let supplierToken: string;
  let contractId: string;
  const receiver = new WebhookReceiver();
  const http = () => request(app.getHttpServer());
  const delivered = <T>(probe: () => Promise<T | undefined | null>) =>
    eventually(probe, DELIVERY_MS, 100, () => deliveryState((sql) => factory.identity.query(sql)));

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, 'postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });
    app = await createApiApplication(runtime);
    await app.init();
    factory = new ContractsFactory(app);
    unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    supplier = suppliers[0];
    [{ id: contractId }] = await factory.identity.query<{ id: string }>(
      'SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2',
      [tender.id, supplier.id],
    );
    supplierToken = (await factory.supplierHr(unit.municipalityId, supplier.id)).token;
    const url = await receiver.start();
    await http().post('/api/v1/jobcenter-channels').set(bearer(unit.admin.token))
      .send({ kind: 'email', name: 'Jobcenter Odense', address: 'virksomhedsservice@jobcenter.example.dk' }).expect(201);
    await http().post('/api/v1/jobcenter-channels').set(bearer(unit.admin.token))
      .send({ kind: 'webhook', name: 'Jobcenterets system', address: `${url}/klausul`, secret: SECRET }).expect(201);
  });

  afterAll(async () => {
    await app?.close();
    await receiver.stop();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  it('runs from the job description to 16/13 hires and 186/130 hours', async () => {
    // The supplier drafts and submits the job description.
    const draft = await http().post(`/api/v1/contracts/${contractId}/job-orders`).set(bearer(supplierToken)).send(jobOrderBody()).expect(201);
    expect(draft.body).toMatchObject({ state: 'draft', positions: 16, shiftPattern: 'split' });
    const jobOrderId = draft.body.id as string;
    await http().post(`/api/v1/job-orders/${jobOrderId}/submit`).set(bearer(supplierToken)).send({}).expect(200);

    // Procurement forwards it: the jobcenter's e-mail and its signed webhook receive it.
    const forwarded = await http().post(`/api/v1/job-orders/${jobOrderId}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    expect(forwarded.body.state).toBe('forwarded');
    expect(forwarded.body.candidatesDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const mail = app.get(MailSender).catcher!;
    const email = await delivered(async () => mail.received.find((m) => m.subject.startsWith('Stillingsbeskrivelse: Chauffør')));
    expect(email.to).toEqual(['virksomhedsservice@jobcenter.example.dk']);
    expect(email.text).toContain('Antal stillinger: 16');
    const links = app.get(LinkBuilder);
    expect(email.text).toContain(links.jobcenterJobOrder(jobOrderId));
    const hook = await delivered(async () => receiver.on('/klausul')[0]);
    const signed = verifyWebhookSignature(SECRET, String(hook.headers['x-klausul-timestamp']), hook.body, String(hook.headers['x-klausul-signature']), new Date());
    expect(signed).toBe(true);
    expect(JSON.parse(hook.body).data).toMatchObject({ jobOrderId, positions: 16, link: links.jobcenterJobOrder(jobOrderId) });

    // The jobcenter proposes 20 candidates with CVs; the unit shortlists 18 and releases the shortlist.
    const candidates: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await http().post(`/api/v1/job-orders/${jobOrderId}/candidates`).set(bearer(unit.jobcenter.token)).send(candidateBody(i)).expect(201);
      candidates.push(res.body.id);
    }
    for (const id of candidates.slice(0, 18)) {
      await http().post(`/api/v1/candidates/${id}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
    }
    for (const id of candidates.slice(18)) {
      await http().post(`/api/v1/candidates/${id}/decline`).set(bearer(unit.employment.token)).send({ note: 'Ønsker hele dage' }).expect(200);
    }
    await http().post(`/api/v1/job-orders/${jobOrderId}/send-shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);

    // The supplier sees the 18 shortlisted (without target group), hires 16 and rejects 2.
    const visible = await http().get(`/api/v1/job-orders/${jobOrderId}/candidates`).set(bearer(supplierToken)).expect(200);
    expect(visible.body.items).toHaveLength(18);
    expect(visible.body.items[0]).not.toHaveProperty('targetGroup');
    const cv = await http().get(`/api/v1/candidates/${candidates[0]}/cv`).set(bearer(supplierToken)).expect(200);
    expect(cv.headers['content-type']).toBe('application/pdf');
    for (const [i, id] of candidates.slice(0, 16).entries()) {
      await http().post(`/api/v1/candidates/${id}/interview`).set(bearer(supplierToken)).send({ interviewOn: '2025-02-20' }).expect(200);
      const hired = await http().post(`/api/v1/candidates/${id}/hire`).set(bearer(supplierToken))
        .send({ startDate: '2025-03-01', weeklyHours: HIRED_HOURS[i], employmentForm: 'flexjob' }).expect(200);
      expect(hired.body.placementId).toEqual(expect.any(String));
    }
    for (const id of candidates.slice(16, 18)) {
      await http().post(`/api/v1/candidates/${id}/reject`).set(bearer(supplierToken)).send({ reason: 'hours', note: 'Kan ikke morgenruter' }).expect(200);
    }
    await http().post(`/api/v1/job-orders/${jobOrderId}/close`).set(bearer(supplierToken)).send({}).expect(200);

    const compliance = await http().get(`/api/v1/contracts/${contractId}/compliance?at=2025-06-01`).set(bearer(unit.procurement.token)).expect(200);
    expect(compliance.body.totals).toEqual({ hires: { actual: 16, required: 13 }, weeklyHours: { actual: 186, required: 130 } });

    // The supplier's shortlist e-mail went out, and every CV read is in the access log.
    const shortlist = await delivered(async () => mail.received.find((m) => m.subject === '18 kandidater til "Chauffør til visiteret kørsel"'));
    expect(shortlist.text).toContain(links.supplierCandidates(jobOrderId));
    const audit = await http().get('/api/v1/audit?limit=200').set(bearer(unit.admin.token)).expect(200);
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'read-cv')).toHaveLength(1);
  });
});
