import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_MUNICIPALITY, DemoSeedService, type DemoSeedResult } from '@klausul/contracts';
import { createApiApplication } from '@klausul/runtime';
import { bearer, login } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRuntime } from '../support/test-runtime';

/** Every table the seed may touch: a second run must leave each as it was. */
const TABLES = [
  'municipality', 'app_user', 'supplier', 'tender', 'tender_lot', 'tender_screening', 'dialogue_meeting', 'clause_draft', 'contract',
  'contract_lot', 'employment_clause', 'contract_partner', 'placement', 'workflow_transition', 'outbox', 'scheduled_task',
];

describe('the demo seed (npm run seed:demo, and SEED_DEMO on start)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let first: DemoSeedResult;

  const counts = async (target: INestApplication) => {
    const result: Record<string, number> = {};
    for (const table of TABLES) {
      const [{ n }] = await target.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`);
      result[table] = n;
    }
    return result;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApplication(testRuntime(db.url, 'postgres', { RUN_WORKER: 'false' }));
    await app.init();
    first = await app.get(DemoSeedService).seed();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const http = () => request(app.getHttpServer());

  it('creates the reference case through the engine: 8 lots, 2 suppliers with 4 each, 16/13 hires and 186/130 hours', async () => {
    expect(first.events).toEqual([
      'create', 'screen', 'start-dialogue', 'record-meeting', 'record-meeting', 'define-clause', 'publish', 'award', 'hand-over',
    ]);
    expect(first.createdUsers.map((u) => u.role).sort()).toEqual(
      ['admin', 'employment_caseworker', 'jobcenter_contact', 'procurement_caseworker', 'supplier_hr', 'supplier_hr'].sort(),
    );
    const caseworker = first.createdUsers.find((u) => u.role === 'procurement_caseworker')!;
    const token = await login(app, caseworker.email, caseworker.password);

    const me = await http().get('/api/v1/me').set(bearer(token)).expect(200);
    expect(me.body.municipality.name).toBe(DEMO_MUNICIPALITY);
    const tender = await http().get(`/api/v1/tenders/${first.tenderId}`).set(bearer(token)).expect(200);
    expect(tender.body).toMatchObject({ title: 'Visiteret rutekørsel', state: 'handed_over', clauseRequired: true });
    expect(tender.body.lots).toHaveLength(8);
    expect(tender.body.contracts.map((c: { lotNumbers: number[] }) => c.lotNumbers)).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    const history = await http().get(`/api/v1/tenders/${first.tenderId}/history`).set(bearer(token)).expect(200);
    expect(history.body.items).toHaveLength(9);

    const fynsk = tender.body.contracts.find((c: { supplierName: string }) => c.supplierName === 'Fynsk Rutekørsel A/S');
    const contract = await http().get(`/api/v1/contracts/${fynsk.id}`).set(bearer(token)).expect(200);
    expect(contract.body.clauses).toEqual([expect.objectContaining({ requiredHires: 13, weeklyHoursPerHire: 10, requiredWeeklyHours: 130 })]);
    expect(contract.body.partners).toEqual([expect.objectContaining({ name: 'FlexVirk', kind: 'rsv' })]);
    const compliance = await http().get(`/api/v1/contracts/${fynsk.id}/compliance?at=2025-06-01`).set(bearer(token)).expect(200);
    expect(compliance.body.totals).toEqual({ hires: { actual: 16, required: 13 }, weeklyHours: { actual: 186, required: 130 } });

    // The supplier's own HR contact signs in and sees its contract's numbers.
    const hr = first.createdUsers.find((u) => u.email.startsWith('hr.fynsk'))!;
    const hrToken = await login(app, hr.email, hr.password);
    const own = await http().get('/api/v1/contracts').set(bearer(hrToken)).expect(200);
    expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([fynsk.id]);
    expect(own.body.items[0].compliance).toMatchObject({ hires: { actual: 16, required: 13 }, weeklyHours: { actual: 186, required: 130 } });
  });

  it('changes nothing when run again, by the script or on start with SEED_DEMO', async () => {
    const before = await counts(app);
    const again = await app.get(DemoSeedService).seed();
    expect(again).toEqual({ municipalityId: first.municipalityId, tenderId: first.tenderId, createdUsers: [], events: [] });
    expect(await counts(app)).toEqual(before);

    const onStart = await createApiApplication(testRuntime(db.url, 'postgres', { RUN_WORKER: 'false', SEED_DEMO: 'true' }));
    await onStart.init();
    try {
      expect(await counts(onStart)).toEqual(before);
    } finally {
      await onStart.close();
    }
  });

  it('creates the demo data on start with SEED_DEMO, after the first admin', async () => {
    const fresh = await createTestDatabase();
    const started = await createApiApplication(testRuntime(fresh.url, 'postgres', { RUN_WORKER: 'false', SEED_DEMO: 'true' }));
    try {
      await started.init();
      const source = started.get(DataSource);
      const [tender] = await source.query(`SELECT state FROM tender WHERE reference = 'DEMO-ODENSE-RUTEKORSEL'`);
      expect(tender.state).toBe('handed_over');
      const admins = await source.query(`SELECT email FROM app_user WHERE role = 'admin' ORDER BY email`);
      expect(admins.map((a: { email: string }) => a.email)).toEqual(['admin@klausul.local', 'admin@odense.klausul.local']);
    } finally {
      await started.close();
      await fresh.drop();
    }
  });
});
