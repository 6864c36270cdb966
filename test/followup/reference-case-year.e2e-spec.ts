import type { INestApplication } from '@nestjs/common';
import { ManualClock } from '@klausul/domain';
import { addPeriods, firstWorkingDayOf } from '@klausul/followup';
import { createApiApplication } from '@klausul/runtime';
import { FollowupFactory, type FollowupCase } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, testRuntime } from '../support/test-runtime';

// The reference case (DOMAIN.md): 16 flexjob hires from 2025-03-01, 186 hours a week, on a 13 x 10 h clause.
const HOURS = [10, 10, 10, 10, 10, 12, 12, 12, 12, 12, 12, 12, 12, 14, 14, 12];

// Hand-computed: month 4 (2025-06) placement 0 (10 h) ends on 2025-06-15; month 7 (2025-09)
// placement 13 (14 h) ends on 2025-09-20; month 8 (2025-10) a 10 h replacement of placement 0
// starts on 2025-10-01. Open-ended placements that end early never reach 75% of their period
// (the contract runs to 2028), so they stop counting; the replacement counts for its position once.
const EXPECTED: [string, number, number][] = [
  ['2025-03', 16, 186], ['2025-04', 16, 186], ['2025-05', 16, 186],
  ['2025-06', 15, 176], ['2025-07', 15, 176], ['2025-08', 15, 176],
  ['2025-09', 14, 162],
  ['2025-10', 15, 172], ['2025-11', 15, 172], ['2025-12', 15, 172], ['2026-01', 15, 172], ['2026-02', 15, 172],
];

describe('phase 3, the reference case: twelve monthly reviews with a ManualClock', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  const clock = new ManualClock(new Date('2025-04-01T06:00:00Z'));
  let f: FollowupFactory;
  let c: FollowupCase;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = { ...testRuntime(db.url, 'postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' }), clock };
    app = await createApiApplication(runtime);
    await app.init();
    f = new FollowupFactory(app);
    c = await f.case();
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  it('follows the contract for a year and shows the hand-computed compliance series and retention', async () => {
    const placements: string[] = [];
    for (const hours of HOURS) placements.push(await f.contracts.placement(c.contracts[0], { startDate: '2025-03-01', weeklyHours: hours }));
    const active = new Set(placements);

    for (const [month, [period]] of EXPECTED.entries()) {
      clock.set(new Date(`${firstWorkingDayOf(addPeriods(period, 1))}T06:00:00Z`));
      if (month + 1 === 8) {
        const replacement = await f.contracts.placement(c.contracts[0], { startDate: '2025-10-01', weeklyHours: 10, replaces: placements[0] });
        active.add(replacement);
      }
      await f.run(c.unit, period);
      const [token] = await f.linksFor(c.hr[0].user.email, period);
      const ends: Record<number, [string, string]> = { 4: [placements[0], '2025-06-15'], 7: [placements[13], '2025-09-20'] };
      const ending = ends[month + 1];
      const form = await f.http().get(`/api/v1/review-links/${token}`).expect(200);
      expect(form.body.placements).toHaveLength(active.size);
      const answers = form.body.placements.map((p: { placementId: string; previousWeeklyHours: number }) =>
        ending && p.placementId === ending[0]
          ? { placementId: p.placementId, stillEmployed: false, endDate: ending[1], endReason: 'resigned' }
          : { placementId: p.placementId, stillEmployed: true, weeklyHours: p.previousWeeklyHours },
      );
      await f.http().post(`/api/v1/review-links/${token}`).send({ placements: answers }).expect(200);
      if (ending) active.delete(ending[0]);
    }

    const series = await f.http().get(`/api/v1/contracts/${c.contracts[0]}/compliance-series?from=2025-03&to=2026-02`).set(bearer(c.unit.procurement.token)).expect(200);
    expect(series.body.periods.map((p: { period: string; hires: { actual: number }; weeklyHours: { actual: number }; status: string }) => [p.period, p.hires.actual, p.weeklyHours.actual, p.status]))
      .toEqual(EXPECTED.map(([period, hires, hours]) => [period, hires, hours, 'on_track']));
    expect(series.body.periods[0]).toMatchObject({ hires: { required: 13 }, weeklyHours: { required: 130 } });

    // Clock: 2026-03-02. 3 months: all 16 first hires and the replacement (from 2025-10-01) reached it, all still employed then;
    // 6 months: 16 eligible, placement 0 ended before; 12 months: 16 eligible, placements 0 and 13 ended before.
    const retention = await f.http().get(`/api/v1/contracts/${c.contracts[0]}/retention`).set(bearer(c.unit.procurement.token)).expect(200);
    expect(retention.body.checkpoints.map((p: { months: number; eligible: number; retained: number }) => [p.months, p.eligible, p.retained]))
      .toEqual([[3, 17, 17], [6, 16, 15], [12, 16, 14]]);

    const dashboard = await f.http().get('/api/v1/follow-up/dashboard/2025').set(bearer(c.unit.admin.token)).expect(200);
    expect(dashboard.body).toMatchObject({ at: '2025-12-31', statuses: { on_track: expect.any(Number) } });
    const rows = await f.http().get('/api/v1/follow-up/dashboard/2025/contracts?limit=200').set(bearer(c.unit.admin.token)).expect(200);
    const row = rows.body.items.find((r: { contractId: string }) => r.contractId === c.contracts[0]);
    expect(row).toMatchObject({ hires: { actual: 15, required: 13 }, weeklyHours: { actual: 172, required: 130 }, status: 'on_track' });
    // The year's totals are the sum of its contracts' figures, counted the same way.
    const sum = (pick: (r: { hires: { actual: number }; weeklyHours: { actual: number } | null }) => number) =>
      rows.body.items.reduce((s: number, r: Parameters<typeof pick>[0]) => s + pick(r), 0);
    expect(dashboard.body.totals.hires.actual).toBe(sum((r) => r.hires.actual));
    expect(dashboard.body.totals.weeklyHours.actual).toBe(sum((r) => r.weeklyHours?.actual ?? 0));
    expect((await f.http().get('/api/v1/follow-up/dashboard/99999').set(bearer(c.unit.admin.token))).status).toBe(400);
  });
});
