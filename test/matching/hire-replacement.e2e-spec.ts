import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ContractsFactory, type SignedIn, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

/** #11.13: a hire that replaces someone names an ended placement of the same contract, or nothing is written. */
describe('a hire that replaces an earlier placement (replacesPlacementId)', () => {
  let app: INestApplication;
  let factory: ContractsFactory;
  let unit: Unit;
  let hr: SignedIn;
  let contract: string;
  const placements: Record<'ended' | 'active' | 'otherContract' | 'otherMunicipality', string> = { ended: '', active: '', otherContract: '', otherMunicipality: '' };
  let candidate: string;
  const http = () => request(app.getHttpServer());

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  /** A contract of a handed-over tender: the first supplier's, and the second's. */
  async function contractsOf(u: Unit) {
    const { tender, suppliers } = await factory.tenderAt(u, 'handed_over');
    const rows = await factory.identity.query<{ id: string; supplier_id: string }>('SELECT id, supplier_id FROM contract WHERE tender_id = $1', [tender.id]);
    return { suppliers, first: rows.find((r) => r.supplier_id === suppliers[0].id)!.id, second: rows.find((r) => r.supplier_id === suppliers[1].id)!.id };
  }

  beforeAll(async () => {
    app = api.app;
    factory = new ContractsFactory(app);
    unit = await factory.unit();
    const own = await contractsOf(unit);
    contract = own.first;
    hr = await factory.supplierHr(unit.municipalityId, own.suppliers[0].id);
    placements.ended = await factory.placement(contract, { startDate: '2025-02-01', endDate: '2025-04-30' });
    placements.active = await factory.placement(contract, { startDate: '2025-02-01' });
    placements.otherContract = await factory.placement(own.second, { startDate: '2025-02-01', endDate: '2025-04-30' });
    placements.otherMunicipality = await factory.placement((await contractsOf(await factory.unit())).first, { startDate: '2025-02-01', endDate: '2025-04-30' });

    const jobOrder = (await http().post(`/api/v1/contracts/${contract}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrder}/submit`).set(bearer(hr.token)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${jobOrder}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    candidate = (await http().post(`/api/v1/job-orders/${jobOrder}/candidates`).set(bearer(unit.jobcenter.token)).send(candidateBody(1)).expect(201)).body.id;
    await http().post(`/api/v1/candidates/${candidate}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
  });

  const hire = (replacesPlacementId: string) =>
    http().post(`/api/v1/candidates/${candidate}/hire`).set(bearer(hr.token)).send({ startDate: '2025-05-01', weeklyHours: 10, employmentForm: 'flexjob', replacesPlacementId });
  const snapshot = async () =>
    (
      await factory.identity.query<{ placements: number; transitions: number; state: string; version: number }>(
        `SELECT (SELECT count(*)::int FROM placement) AS placements, (SELECT count(*)::int FROM workflow_transition) AS transitions,
                c.state, c.version FROM candidate c WHERE c.id = $1`,
        [candidate],
      )
    )[0];

  it.each([
    ['a random id (once a 500 from the foreign key)', () => '7d9f0c3e-5b1a-4c2e-9f00-000000000001', /not a placement of this contract/],
    ["another municipality's placement (once a 200)", () => placements.otherMunicipality, /not a placement of this contract/],
    ["another contract's placement", () => placements.otherContract, /not a placement of this contract/],
    ['a placement that is still active', () => placements.active, /has ended; placement .* is active/],
  ])('#11.13: refuses %s with a 400 naming replacesPlacementId, and writes nothing', async (_label, id, message) => {
    const before = await snapshot();
    const res = await hire(id());
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'INVALID_INPUT' });
    expect(res.body.message).toMatch(/replacesPlacementId/);
    expect(res.body.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('#11.13: hires as the replacement of an ended placement of the same contract', async () => {
    const res = await hire(placements.ended).expect(200);
    expect(res.body).toMatchObject({ state: 'hired', placementId: expect.any(String) });
    const [placement] = await factory.identity.query<{ replaces_placement_id: string; contract_id: string }>(
      'SELECT replaces_placement_id, contract_id FROM placement WHERE id = $1',
      [res.body.placementId],
    );
    expect(placement).toEqual({ replaces_placement_id: placements.ended, contract_id: contract });
  });
});
