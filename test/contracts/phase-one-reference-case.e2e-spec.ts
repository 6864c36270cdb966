import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { clauseBody, ContractsFactory, meetingBody, screeningBody, tenderBody, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

/** The Odense reference case, phase 1, as the unit works it through the API. */
describe('phase 1 of the reference case: special transport, 8 lots, 2 suppliers', () => {
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
  const as = (token: string) => bearer(token);

  it('runs from tender screening to hand-over, and the contract reads 16/13 hires and 186/130 hours', async () => {
    const caseworker = as(unit.procurement.token);
    const employment = as(unit.employment.token);

    // Suppliers: the two winners and FlexVirk, a registered social-economy enterprise.
    const register = async (cvr: string, name: string, registeredSocialEconomy = false) =>
      (await http().post('/api/v1/suppliers').set(caseworker).send({ cvr, name, registeredSocialEconomy }).expect(201)).body;
    const fynsk = await register('DK 4100 0015', 'Fynsk Rutekørsel A/S');
    const turbusser = await register('41000023', 'Odense Turbusser ApS');
    const flexVirk = await register('41000031', 'FlexVirk', true);
    expect(fynsk).toMatchObject({ cvr: '41000015', registeredSocialEconomy: false, hrContacts: [] });
    const hr = await factory.supplierHr(unit.municipalityId, fynsk.id);
    const withContact = await http().get(`/api/v1/suppliers/${fynsk.id}`).set(caseworker).expect(200);
    expect(withContact.body.hrContacts).toEqual([{ id: hr.user.id, displayName: hr.user.displayName, email: hr.user.email }]);

    // Above the default thresholds (>= 6 months and >= DKK 5m): a clause is required.
    const created = await http().post('/api/v1/tenders').set(caseworker).send(tenderBody({ reference: 'UDB-2024-017' })).expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ state: 'identified', version: 1, clauseRequired: true, allowedEvents: ['screen', 'cancel'] });
    expect(created.body.lots).toHaveLength(8);

    const screened = await http().post(`/api/v1/tenders/${id}/screening`).set(employment).send(screeningBody({ expectedVersion: 1 })).expect(200);
    expect(screened.body).toMatchObject({ state: 'screening', version: 2, screening: { splitShifts: true, estimatedHires: 26 } });

    await http().post(`/api/v1/tenders/${id}/start-dialogue`).set(caseworker).send({ expectedVersion: 2 }).expect(200);
    await http().post(`/api/v1/tenders/${id}/meetings`).set(employment).send(meetingBody({ supplierId: fynsk.id })).expect(200);
    const met = await http()
      .post(`/api/v1/tenders/${id}/meetings`)
      .set(employment)
      .send(meetingBody({ bidderName: turbusser.name, supplierId: turbusser.id, willingness: 'medium', heldOn: '2024-02-21' }))
      .expect(200);
    expect(met.body.state).toBe('market_dialogue');
    expect(met.body.meetings.map((m: { bidderName: string }) => m.bidderName)).toEqual([fynsk.name, turbusser.name]);

    const defined = await http().post(`/api/v1/tenders/${id}/define-clause`).set(caseworker).send({ clauses: [clauseBody()] }).expect(200);
    expect(defined.body.state).toBe('clause_defined');
    expect(defined.body.clauseDrafts).toEqual([
      expect.objectContaining({ lotNumber: null, requiredHires: 26, requiredWeeklyHours: 260, firstHireWithinMonths: 6, fullFulfilmentWithinMonths: 12, earlyEndShare: 0.75, partnerPlacementsCount: true }),
    ]);

    // An event with nothing to say needs no body.
    await http().post(`/api/v1/tenders/${id}/publish`).set(caseworker).expect(200);
    const lots = Array.from({ length: 8 }, (_, i) => ({ lotNumber: i + 1, supplierId: i < 4 ? fynsk.id : turbusser.id }));
    const awarded = await http()
      .post(`/api/v1/tenders/${id}/award`)
      .set(caseworker)
      .send({ startDate: '2024-08-01', endDate: '2028-07-31', lots })
      .expect(200);
    expect(awarded.body.state).toBe('awarded');
    expect(awarded.body.contracts).toEqual([
      expect.objectContaining({ supplierName: fynsk.name, lotNumbers: [1, 2, 3, 4] }),
      expect.objectContaining({ supplierName: turbusser.name, lotNumbers: [5, 6, 7, 8] }),
    ]);
    const contractId = awarded.body.contracts[0].id;
    const otherContractId = awarded.body.contracts[1].id;

    // The tender-level clause is split by lots won: 13 hires x 10 h/week for each supplier.
    const contract = await http().get(`/api/v1/contracts/${contractId}`).set(caseworker).expect(200);
    expect(contract.body).toMatchObject({ phase: 'awarded', startDate: '2024-08-01', endDate: '2028-07-31', firstHireDueOn: '2025-02-01' });
    expect(contract.body.clauses).toEqual([
      expect.objectContaining({
        requiredHires: 13,
        weeklyHoursPerHire: 10,
        requiredWeeklyHours: 130,
        targetGroups: ['flexjob'],
        firstHireDeadline: '2025-02-01',
        fullFulfilmentDeadline: '2025-08-01',
      }),
    ]);

    const partnered = await http().post(`/api/v1/contracts/${contractId}/partners`).set(caseworker).send({ supplierId: flexVirk.id, kind: 'rsv' }).expect(201);
    expect(partnered.body.partners).toEqual([expect.objectContaining({ name: 'FlexVirk', kind: 'rsv', registeredSocialEconomy: true })]);

    const handedOver = await http().post(`/api/v1/tenders/${id}/hand-over`).set(caseworker).send({}).expect(200);
    expect(handedOver.body).toMatchObject({ state: 'handed_over', allowedEvents: [] });
    const scheduled = await factory.identity.query<{ entity_id: string; due_at: Date }>(
      `SELECT entity_id, due_at FROM scheduled_task WHERE job_name = 'check-first-hire' ORDER BY due_at, entity_id`,
    );
    expect(scheduled.map((t) => t.entity_id).sort()).toEqual([contractId, otherContractId].sort());
    expect(scheduled.every((t) => t.due_at.toISOString() === '2025-02-01T00:00:00.000Z')).toBe(true);
    expect((await http().get(`/api/v1/contracts/${contractId}`).set(caseworker)).body.phase).toBe('matching');

    // Phase 2 will create placements; here the 16 flexjobs of the reference case, three through FlexVirk.
    const partnerId = partnered.body.partners[0].id;
    const weekly = [10, 10, 10, 10, 10, 12, 12, 12, 12, 12, 12, 12, 12, 14, 14, 12];
    for (const [i, weeklyHours] of weekly.entries()) {
      await factory.placement(contractId, { startDate: '2024-10-01', weeklyHours, partnerId: i < 3 ? partnerId : undefined });
    }
    const compliance = await http().get(`/api/v1/contracts/${contractId}/compliance?at=2025-06-01`).set(caseworker).expect(200);
    expect(compliance.body).toMatchObject({
      at: '2025-06-01',
      met: true,
      totals: { hires: { actual: 16, required: 13 }, weeklyHours: { actual: 186, required: 130 } },
    });
    expect(compliance.body.clauses[0]).toMatchObject({ hires: { actual: 16, required: 13, met: true }, weeklyHours: { actual: 186, required: 130 } });
    const before = await http().get(`/api/v1/contracts/${contractId}/compliance?at=2024-09-30`).set(caseworker).expect(200);
    expect(before.body.totals.hires).toEqual({ actual: 0, required: 13 });

    // The audit trail: every event, by whom; meeting participants are not in it.
    const history = await http().get(`/api/v1/tenders/${id}/history`).set(caseworker).expect(200);
    expect(history.body.items.map((h: { event: string }) => h.event)).toEqual([
      'create', 'screen', 'start-dialogue', 'record-meeting', 'record-meeting', 'define-clause', 'publish', 'award', 'hand-over',
    ]);
    expect(history.body.items[1].actor).toMatchObject({ role: 'employment_caseworker', userId: unit.employment.user.id });
    expect(JSON.stringify(history.body)).not.toContain('Driftschef');

    // The supplier's HR contact sees its own contract only, and no tenders.
    const hrAuth = as(hr.token);
    const own = await http().get('/api/v1/contracts').set(hrAuth).expect(200);
    expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([contractId]);
    expect(own.body.items[0].alerts).toEqual([]);
    expect(own.body.nextCursor).toBeNull();
    await http().get(`/api/v1/contracts/${otherContractId}`).set(hrAuth).expect(404);
    await http().get(`/api/v1/contracts/${otherContractId}/compliance`).set(hrAuth).expect(404);
    await http().get(`/api/v1/contracts/${contractId}/compliance?at=2025-06-01`).set(hrAuth).expect(200);
    await http().get(`/api/v1/suppliers/${turbusser.id}`).set(hrAuth).expect(404);
    await http().get(`/api/v1/suppliers/${fynsk.id}`).set(hrAuth).expect(200);
    await http().get('/api/v1/tenders').set(hrAuth).expect(403);

    // The year's targets count the tender as one that got its clause.
    const year = new Date().getFullYear();
    await http().put(`/api/v1/targets/${year}`).set(caseworker).send({ clauseShare: 0.8, hiresUnderClauses: 40 }).expect(200);
    const targets = await http().get(`/api/v1/targets/${year}`).set(caseworker).expect(200);
    expect(targets.body).toMatchObject({
      targets: { clauseShare: 0.8, hiresUnderClauses: 40 },
      progress: { eligibleTenders: 1, tendersWithClause: 1, clauseShare: 1 },
      met: { clauseShare: true },
    });
    const hiresYear = await http().get('/api/v1/targets/2024').set(caseworker).expect(200);
    expect(hiresYear.body.progress.hiresUnderClauses).toBe(16);
  });

  it('splits a whole-tender clause as the award says, and gives per-lot clauses to the winners of those lots', async () => {
    const caseworker = as(unit.procurement.token);
    const split = await factory.tenderAt(unit, 'published');
    const [a, b] = split.suppliers;
    const lots = Array.from({ length: 8 }, (_, i) => ({ lotNumber: i + 1, supplierId: i < 4 ? a.id : b.id }));
    const awarded = await http()
      .post(`/api/v1/tenders/${split.tender.id}/award`)
      .set(caseworker)
      .send({ startDate: '2025-01-01', endDate: '2028-12-31', lots, clauseSplit: [{ supplierId: a.id, requiredHires: 16 }, { supplierId: b.id, requiredHires: 10, totalWeeklyHours: 120 }] })
      .expect(200);
    const clausesOf = async (contractId: string) => (await http().get(`/api/v1/contracts/${contractId}`).set(caseworker).expect(200)).body.clauses;
    expect(await clausesOf(awarded.body.contracts[0].id)).toEqual([expect.objectContaining({ requiredHires: 16, weeklyHoursPerHire: 10, requiredWeeklyHours: 160 })]);
    expect(await clausesOf(awarded.body.contracts[1].id)).toEqual([
      expect.objectContaining({ requiredHires: 10, weeklyHoursPerHire: null, totalWeeklyHours: 120, requiredWeeklyHours: 120 }),
    ]);

    const perLot = await factory.tenderAt(unit, 'market_dialogue');
    const clauses = Array.from({ length: 8 }, (_, i) => clauseBody({ lotNumber: i + 1, requiredHires: i + 1, firstHireWithinMonths: i < 4 ? 3 : 9, fullFulfilmentWithinMonths: 12 }));
    await http().post(`/api/v1/tenders/${perLot.tender.id}/define-clause`).set(caseworker).send({ clauses }).expect(200);
    await http().post(`/api/v1/tenders/${perLot.tender.id}/publish`).set(caseworker).expect(200);
    const perLotLots = Array.from({ length: 8 }, (_, i) => ({ lotNumber: i + 1, supplierId: i % 2 === 0 ? perLot.suppliers[0].id : perLot.suppliers[1].id }));
    const perLotAward = await http()
      .post(`/api/v1/tenders/${perLot.tender.id}/award`)
      .set(caseworker)
      .send({ startDate: '2025-01-01', endDate: '2028-12-31', lots: perLotLots })
      .expect(200);
    const first = perLotAward.body.contracts.find((c: { lotNumbers: number[] }) => c.lotNumbers[0] === 1);
    expect(first.lotNumbers).toEqual([1, 3, 5, 7]);
    const contract = (await http().get(`/api/v1/contracts/${first.id}`).set(caseworker).expect(200)).body;
    expect(contract.clauses.map((c: { lotNumber: number; requiredHires: number }) => [c.lotNumber, c.requiredHires])).toEqual([[1, 1], [3, 3], [5, 5], [7, 7]]);
    // The milestone is the earliest first-hire deadline of the contract's clauses.
    expect(contract.firstHireDueOn).toBe('2025-04-01');
  });
});
