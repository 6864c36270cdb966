import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ContractsFactory } from './contracts.factory';
import { bearer, IdentityFactory } from './identity.factory';
import { candidateBody, jobOrderBody } from './matching.fixtures';

/** Entities of one municipality that routes address by id. */
export interface TenantIds {
  probe: string;
  user: string;
  apiKey: string;
  message: string;
  supplier: string;
  otherSupplier: string;
  tender: string;
  contract: string;
  jobOrder: string;
  candidate: string;
  placement: string;
  channel: string;
  review: string;
  upskillingProgramme: string;
  upskillingParticipant: string;
}

/** One municipality's data: a handed-over tender, a forwarded job order, a shortlisted candidate, a placement... */
export async function tenantFixture(app: INestApplication, factory: IdentityFactory, contracts: ContractsFactory, municipalityId: string): Promise<TenantIds> {
  const http = () => request(app.getHttpServer());
  const unit = await contracts.unit(municipalityId);
  const { tender, suppliers } = await contracts.tenderAt(unit, 'handed_over');
  const [{ id: contract }] = await factory.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
  const hr = await contracts.supplierHr(municipalityId, suppliers[0].id);
  const jobOrder = (await http().post(`/api/v1/contracts/${contract}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body.id;
  await http().post(`/api/v1/job-orders/${jobOrder}/submit`).set(bearer(hr.token)).send({}).expect(200);
  await http().post(`/api/v1/job-orders/${jobOrder}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
  const candidate = (await http().post(`/api/v1/job-orders/${jobOrder}/candidates`).set(bearer(unit.jobcenter.token)).send(candidateBody(0)).expect(201)).body.id;
  await http().post(`/api/v1/candidates/${candidate}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
  const placement = await contracts.placement(contract);
  await http().post('/api/v1/reviews/runs').set(bearer(unit.admin.token)).send({ period: '2025-03' }).expect(200);
  const [{ id: review }] = await factory.query<{ id: string }>('SELECT id FROM review WHERE contract_id = $1', [contract]);
  const upskillingProgramme = (await http().post('/api/v1/upskilling/programmes').set(bearer(unit.employment.token)).send({ name: 'OPI', capacity: 15, maxDurationMonths: 18 }).expect(201)).body.id;
  const upskillingParticipant = (await http().post(`/api/v1/upskilling/programmes/${upskillingProgramme}/participants`).set(bearer(unit.employment.token)).send({ name: 'Deltager', startDate: '2025-01-06' }).expect(201)).body.id;
  const channel = (await http().post('/api/v1/jobcenter-channels').set(bearer(unit.admin.token)).send({ kind: 'email', name: 'Jobcenter', address: 'jc@example.dk' }).expect(201)).body.id;

  const token = unit.admin.token;
  const probe = await http().post('/api/v1/probes').set(bearer(token)).send({}).expect(201);
  const target = await factory.user({ role: 'jobcenter_contact', municipalityId });
  const key = await factory.apiKey({ municipalityId });
  const [message] = await factory.query<{ id: string }>(
    `INSERT INTO message (municipality_id, channel, template, recipient, subject, body_text)
     VALUES ($1, 'email', 'test', 'hr@example.dk', 'Emne', 'Tekst') RETURNING id`,
    [municipalityId],
  );
  return {
    probe: probe.body.id, user: target.id, apiKey: key.id, message: message.id, supplier: suppliers[0].id, otherSupplier: suppliers[1].id,
    tender: tender.id, contract, jobOrder, candidate, placement, channel, review, upskillingProgramme, upskillingParticipant,
  };
}
