import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ContractsFactory, type SignedIn, type TestSupplier, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

describe('matching lists: paging, filters and sorts', () => {
  let app: INestApplication;
  let factory: ContractsFactory;
  let unit: Unit;
  let suppliers: [TestSupplier, TestSupplier];
  let hr: SignedIn;
  let otherHr: SignedIn;
  let contractA: string;
  let contractB: string;
  const orders: Record<'draftA' | 'forwardedA' | 'forwardedB', string> = { draftA: '', forwardedA: '', forwardedB: '' };
  const candidates: string[] = [];
  const http = () => request(app.getHttpServer());

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  const ok = async (path: string, token: string, query: Record<string, string | number> = {}) =>
    (await http().get(path).query(query).set(bearer(token)).expect(200)).body as { items: Record<string, any>[]; nextCursor: string | null };

  /** Every page at limit=1, following nextCursor: the ids in the order they came. */
  async function pageThrough(path: string, token: string, query: Record<string, string> = {}): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page = await ok(path, token, { ...query, limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(1);
      ids.push(...page.items.map((item) => item.id as string));
      cursor = page.nextCursor;
      if (!cursor) return ids;
    }
    throw new Error(`${path} did not end within 20 pages`);
  }

  /** What every list refuses, each a 400 naming the parameter. */
  async function expectRefusals(path: string, token: string, sort: string) {
    const refused = async (query: Record<string, string | number>, parameter: RegExp) => {
      const res = await http().get(path).query(query).set(bearer(token));
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.message).toMatch(parameter);
    };
    await refused({ limit: 201 }, /limit/);
    await refused({ limit: 0 }, /limit/);
    await refused({ sort: 'nonsense' }, /sort/);
    await refused({ colour: 'blue' }, /colour/);
    const { nextCursor } = await ok(path, token, { limit: 1 });
    expect(nextCursor).toEqual(expect.any(String));
    await refused({ cursor: `x${nextCursor}` }, /cursor/);
    await refused({ cursor: 'not a cursor!' }, /cursor/);
    // A cursor is only valid in the sort it was made for.
    await refused({ cursor: nextCursor!, sort }, /cursor/);
  }

  beforeAll(async () => {
    app = api.app;
    factory = new ContractsFactory(app);
    unit = await factory.unit();
    const tender = await factory.tenderAt(unit, 'handed_over');
    suppliers = tender.suppliers;
    const contractOf = async (supplier: TestSupplier) =>
      (await factory.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.tender.id, supplier.id]))[0].id;
    contractA = await contractOf(suppliers[0]);
    contractB = await contractOf(suppliers[1]);
    hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
    otherHr = await factory.supplierHr(unit.municipalityId, suppliers[1].id);

    const draft = async (contractId: string, token: string, title: string) =>
      (await http().post(`/api/v1/contracts/${contractId}/job-orders`).set(bearer(token)).send(jobOrderBody({ title })).expect(201)).body.id as string;
    const forward = async (id: string, token: string) => {
      await http().post(`/api/v1/job-orders/${id}/submit`).set(bearer(token)).send({}).expect(200);
      await http().post(`/api/v1/job-orders/${id}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    };
    orders.draftA = await draft(contractA, hr.token, 'Rengøring');
    orders.forwardedA = await draft(contractA, hr.token, 'Chauffør');
    await forward(orders.forwardedA, hr.token);
    orders.forwardedB = await draft(contractB, otherHr.token, 'Klargøring');
    await forward(orders.forwardedB, otherHr.token);

    for (let i = 1; i <= 3; i++) {
      const res = await http().post(`/api/v1/job-orders/${orders.forwardedA}/candidates`).set(bearer(unit.jobcenter.token)).send(candidateBody(i)).expect(201);
      candidates.push(res.body.id);
    }
    await http().post(`/api/v1/candidates/${candidates[0]}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
    await http().post(`/api/v1/candidates/${candidates[1]}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
    await http().post(`/api/v1/candidates/${candidates[2]}/decline`).set(bearer(unit.employment.token)).send({}).expect(200);
  });

  describe('GET /api/v1/job-orders', () => {
    const path = '/api/v1/job-orders';

    it("lists newest first, with the supplier's name and the contract's title", async () => {
      const page = await ok(path, unit.procurement.token);
      expect(page.items.map((o) => o.id)).toEqual([orders.forwardedB, orders.forwardedA, orders.draftA]);
      expect(page.nextCursor).toBeNull();
      expect(page.items[0]).toMatchObject({ supplierName: suppliers[1].name, contractTitle: 'Visiteret rutekørsel', contractId: contractB });
    });

    it('filters by state, contract and supplier', async () => {
      expect((await ok(path, unit.procurement.token, { state: 'forwarded' })).items.map((o) => o.id)).toEqual([orders.forwardedB, orders.forwardedA]);
      expect((await ok(path, unit.procurement.token, { contractId: contractA })).items.map((o) => o.id)).toEqual([orders.forwardedA, orders.draftA]);
      expect((await ok(path, unit.procurement.token, { supplierId: suppliers[1].id })).items.map((o) => o.id)).toEqual([orders.forwardedB]);
      expect((await ok(path, unit.procurement.token, { state: 'draft', contractId: contractA })).items.map((o) => o.id)).toEqual([orders.draftA]);
    });

    it('shows the jobcenter the forwarded ones only, with names, and a filter never widens a scope', async () => {
      const page = await ok(path, unit.jobcenter.token);
      expect(page.items.map((o) => o.id)).toEqual([orders.forwardedB, orders.forwardedA]);
      expect(page.items[1]).toMatchObject({ supplierName: suppliers[0].name, contractTitle: 'Visiteret rutekørsel' });
      expect((await ok(path, unit.jobcenter.token, { state: 'draft' })).items).toEqual([]);
      expect((await ok(path, hr.token)).items.map((o) => o.id)).toEqual([orders.forwardedA, orders.draftA]);
      expect((await ok(path, hr.token, { supplierId: suppliers[1].id })).items).toEqual([]);
    });

    it('has the names on the detail and after an event too', async () => {
      const detail = await http().get(`${path}/${orders.forwardedA}`).set(bearer(unit.jobcenter.token)).expect(200);
      expect(detail.body).toMatchObject({ supplierName: suppliers[0].name, contractTitle: 'Visiteret rutekørsel' });
      const edited = await http().patch(`${path}/${orders.draftA}`).set(bearer(hr.token)).send({ positions: 3 }).expect(200);
      expect(edited.body).toMatchObject({ positions: 3, version: 2, supplierName: suppliers[0].name, contractTitle: 'Visiteret rutekørsel' });
      await http().get(`${path}/${orders.draftA}`).set(bearer(unit.jobcenter.token)).expect(404);
    });

    it('pages through at limit=1 without repeats or gaps, in each sort', async () => {
      expect(await pageThrough(path, unit.procurement.token)).toEqual([orders.forwardedB, orders.forwardedA, orders.draftA]);
      expect(await pageThrough(path, unit.procurement.token, { sort: 'createdAt' })).toEqual([orders.draftA, orders.forwardedA, orders.forwardedB]);
      const byStart = await pageThrough(path, unit.procurement.token, { sort: 'startDate' });
      expect([...byStart].sort()).toEqual(Object.values(orders).sort());
    });

    it('refuses a bad limit, sort, filter or cursor with a 400 naming it', async () => {
      await expectRefusals(path, unit.procurement.token, 'createdAt');
      const res = await http().get(path).query({ state: 'lost' }).set(bearer(unit.procurement.token)).expect(400);
      expect(res.body.message).toMatch(/state/);
    });
  });

  describe('GET /api/v1/job-orders/:jobOrderId/candidates', () => {
    const path = () => `/api/v1/job-orders/${orders.forwardedA}/candidates`;

    it('lists in the order proposed and filters by state', async () => {
      expect((await ok(path(), unit.employment.token)).items.map((c) => c.id)).toEqual(candidates);
      expect((await ok(path(), unit.employment.token, { state: 'declined' })).items.map((c) => c.id)).toEqual([candidates[2]]);
    });

    it('shows a supplier its shortlisted candidates only, whatever the filter', async () => {
      const page = await ok(path(), hr.token);
      expect(page.items.map((c) => c.id)).toEqual([candidates[0], candidates[1]]);
      expect(page.items[0]).not.toHaveProperty('targetGroup');
      expect((await ok(path(), hr.token, { state: 'proposed' })).items).toEqual([]);
    });

    it('writes one access log entry per candidate shown', async () => {
      const logged = async () =>
        (await factory.identity.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM access_log WHERE action = 'read-candidate' AND subject_id = ANY($1) AND actor_user_id = $2`,
          [candidates, unit.employment.user.id],
        ))[0].n;
      const before = await logged();
      await ok(path(), unit.employment.token, { limit: 2 });
      expect(await logged()).toBe(before + 2);
    });

    it('pages through at limit=1 without repeats or gaps, either way', async () => {
      expect(await pageThrough(path(), unit.employment.token)).toEqual(candidates);
      expect(await pageThrough(path(), unit.employment.token, { sort: '-createdAt' })).toEqual([...candidates].reverse());
    });

    it('refuses a bad limit, sort, filter or cursor with a 400 naming it', async () => {
      await expectRefusals(path(), unit.employment.token, '-createdAt');
    });
  });

  describe('GET /api/v1/jobcenter-channels', () => {
    const path = '/api/v1/jobcenter-channels';
    const channels: string[] = [];

    beforeAll(async () => {
      for (const name of ['Virksomhedsservice', 'Fleksjobteam', 'Gammel kanal']) {
        const res = await http().post(path).set(bearer(unit.admin.token)).send({ kind: 'email', name, address: 'jc@example.dk' }).expect(201);
        channels.push(res.body.id);
      }
      await http().delete(`${path}/${channels[2]}`).set(bearer(unit.admin.token)).expect(204);
    });

    it('lists the active channels, or the removed ones', async () => {
      expect((await ok(path, unit.admin.token)).items.map((c) => c.id)).toEqual(channels.slice(0, 2));
      expect((await ok(path, unit.admin.token, { active: 'false' })).items.map((c) => c.id)).toEqual([channels[2]]);
    });

    it('pages through at limit=1 without repeats or gaps', async () => {
      expect(await pageThrough(path, unit.admin.token)).toEqual(channels.slice(0, 2));
      expect(await pageThrough(path, unit.admin.token, { sort: '-createdAt' })).toEqual([channels[1], channels[0]]);
    });

    it('refuses a bad limit, sort, filter or cursor with a 400 naming it', async () => {
      await expectRefusals(path, unit.admin.token, '-createdAt');
      const res = await http().get(path).query({ active: 'maybe' }).set(bearer(unit.admin.token)).expect(400);
      expect(res.body.message).toMatch(/active/);
    });
  });

  describe('GET /api/v1/contracts/:id/placements', () => {
    const path = () => `/api/v1/contracts/${contractA}/placements`;
    let hired: string;
    let early: string;
    let ended: string;
    let partnerPlacement: string;

    beforeAll(async () => {
      const res = await http().post(`/api/v1/candidates/${candidates[0]}/hire`).set(bearer(hr.token))
        .send({ startDate: '2025-03-01', weeklyHours: 10, employmentForm: 'flexjob' }).expect(200);
      hired = res.body.placementId;
      // In effect from April: counts now. From 2099: not yet.
      await http().post(`/api/v1/placements/${hired}/change-hours`).set(bearer(hr.token)).send({ weeklyHours: 12, effectiveFrom: '2025-04-01' }).expect(200);
      await http().post(`/api/v1/placements/${hired}/change-hours`).set(bearer(hr.token)).send({ weeklyHours: 30, effectiveFrom: '2099-01-01' }).expect(200);
      early = await factory.placement(contractA, { startDate: '2025-01-15', weeklyHours: 8 });
      ended = await factory.placement(contractA, { startDate: '2025-02-01', endDate: '2025-05-31', weeklyHours: 15 });
      const rsv = await factory.supplier(unit.municipalityId, { name: 'Socialøkonomisk Værksted', rsv: true });
      const partner = await http().post(`/api/v1/contracts/${contractA}/partners`).set(bearer(unit.procurement.token)).send({ supplierId: rsv.id, kind: 'rsv' }).expect(201);
      const partnerId = partner.body.partners.find((p: { supplierId: string }) => p.supplierId === rsv.id).id;
      partnerPlacement = await factory.placement(contractA, { startDate: '2025-06-01', partnerId });
      await factory.placement(contractB, { startDate: '2025-01-01' });
    });

    it('lists by start date with the name, job title, hours in effect today and partner; nothing about health or target group', async () => {
      const page = await ok(path(), unit.procurement.token);
      expect(page.items.map((p) => p.id)).toEqual([early, ended, hired, partnerPlacement]);
      expect(page.items[2]).toEqual({
        id: hired, clauseId: expect.any(String), employeeName: 'Kandidat 1', jobTitle: 'Chauffør',
        startDate: '2025-03-01', endDate: null, weeklyHours: 12, state: 'active', partner: null,
      });
      expect(page.items[1]).toMatchObject({ employeeName: null, jobTitle: null, startDate: '2025-02-01', endDate: '2025-05-31', weeklyHours: 15, state: 'ended' });
      expect(page.items[3].partner).toEqual({ id: expect.any(String), supplierId: expect.any(String), name: 'Socialøkonomisk Værksted', kind: 'rsv' });
      expect(JSON.stringify(page)).not.toMatch(/targetGroup|employmentForm|endReason|consent|flexjob/);
    });

    it('filters by state', async () => {
      expect((await ok(path(), unit.employment.token, { state: 'ended' })).items.map((p) => p.id)).toEqual([ended]);
      expect((await ok(path(), unit.employment.token, { state: 'active' })).items.map((p) => p.id)).toEqual([early, hired, partnerPlacement]);
    });

    it("is the contract's own supplier's to read, not another's nor the jobcenter's", async () => {
      expect((await ok(path(), hr.token)).items).toHaveLength(4);
      await http().get(path()).set(bearer(otherHr.token)).expect(404);
      await http().get(path()).set(bearer(unit.jobcenter.token)).expect(403);
      await http().get('/api/v1/contracts/00000000-0000-4000-8000-000000000000/placements').set(bearer(unit.admin.token)).expect(404);
      const malformed = await http().get('/api/v1/contracts/not-an-id/placements').set(bearer(unit.admin.token)).expect(400);
      expect(malformed.body.message).toMatch(/id/);
    });

    it('logs the read of the named person', async () => {
      const [{ n }] = await factory.identity.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM access_log WHERE action = 'read-placement-list' AND subject_id = $1 AND actor_user_id = $2`,
        [candidates[0], hr.user.id],
      );
      expect(n).toBeGreaterThan(0);
    });

    it('pages through at limit=1 without repeats or gaps, either way', async () => {
      expect(await pageThrough(path(), unit.procurement.token)).toEqual([early, ended, hired, partnerPlacement]);
      expect(await pageThrough(path(), unit.procurement.token, { sort: '-startDate' })).toEqual([partnerPlacement, hired, ended, early]);
      expect(await pageThrough(path(), unit.procurement.token, { state: 'active' })).toEqual([early, hired, partnerPlacement]);
    });

    it('refuses a bad limit, sort, filter or cursor with a 400 naming it', async () => {
      await expectRefusals(path(), unit.procurement.token, '-startDate');
      const res = await http().get(path()).query({ state: 'paused' }).set(bearer(unit.procurement.token)).expect(400);
      expect(res.body.message).toMatch(/state/);
    });
  });
});
