import { ManualClock } from '@klausul/domain';
import { FollowupFactory } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

/**
 * The reference case's figures on Fynsk Rutekørsel's contract: 16 hires on 2026-10-02, 186
 * weekly hours in all (10 x 12 h + 6 x 11 h) against 13 x 10 h = 130 required. In November one
 * hire goes up to 14 h and one ends; October must still read 186/130.
 */
describe('figures that stay true for the past (issue 11, points 1-3)', () => {
  const clock = new ManualClock(new Date('2026-11-20T10:00:00Z'));
  const api = useTestApi('postgres', { RUN_WORKER: 'false' }, clock);
  let f: FollowupFactory;
  let c: Awaited<ReturnType<FollowupFactory['case']>>;
  let placements: string[];

  beforeAll(async () => {
    f = new FollowupFactory(api.app);
    c = await f.case();
    placements = [];
    for (let i = 0; i < 16; i += 1) placements.push(await f.contracts.placement(c.contracts[0], { startDate: '2026-10-02', weeklyHours: i < 10 ? 12 : 11 }));
  });

  const compliance = async (at: string) =>
    (await api.http().get(`/api/v1/contracts/${c.contracts[0]}/compliance?at=${at}`).set(bearer(c.unit.procurement.token)).expect(200)).body.totals;

  it('#11.1: a change of hours in November leaves October at 186/130, and the hours history starts with the hired hours', async () => {
    expect(await compliance('2026-10-31')).toEqual({ hires: { actual: 16, required: 13 }, weeklyHours: { actual: 186, required: 130 } });

    const auth = bearer(c.hr[0].token);
    const changed = await api.http().post(`/api/v1/placements/${placements[0]}/change-hours`).set(auth).send({ weeklyHours: 14, effectiveFrom: '2026-11-01' }).expect(200);
    expect(changed.body.hoursHistory).toEqual([
      { effectiveFrom: '2026-10-02', weeklyHours: 12 },
      { effectiveFrom: '2026-11-01', weeklyHours: 14 },
    ]);
    expect(changed.body.weeklyHours).toBe(14);
    await api.http().post(`/api/v1/placements/${placements[15]}/end`).set(auth).send({ endDate: '2026-11-10', reason: 'resigned' }).expect(200);

    expect(await compliance('2026-10-31')).toEqual({ hires: { actual: 16, required: 13 }, weeklyHours: { actual: 186, required: 130 } });
    // 15 still employed on 2026-11-15: 186 - 11 (the leaver) + 2 (the change).
    expect(await compliance('2026-11-15')).toEqual({ hires: { actual: 15, required: 13 }, weeklyHours: { actual: 177, required: 130 } });

    const series = await api.http().get(`/api/v1/contracts/${c.contracts[0]}/compliance-series?from=2026-10&to=2026-11`).set(bearer(c.unit.procurement.token)).expect(200);
    expect(series.body.periods.map((p: { period: string; hires: { actual: number }; weeklyHours: { actual: number } }) => [p.period, p.hires.actual, p.weeklyHours.actual])).toEqual([
      ['2026-10', 16, 186],
      ['2026-11', 15, 177],
    ]);
  });

  it('#11.1: a second change from the same date with other hours is refused and rewrites nothing', async () => {
    const auth = bearer(c.hr[0].token);
    const again = await api.http().post(`/api/v1/placements/${placements[0]}/change-hours`).set(auth).send({ weeklyHours: 9, effectiveFrom: '2026-11-01' });
    expect(again.status).toBe(422);
    expect(again.body.message).toMatch(/14 weekly hours are already recorded from 2026-11-01/);
    const placement = await api.http().get(`/api/v1/placements/${placements[0]}`).set(auth).expect(200);
    expect(placement.body.hoursHistory).toEqual([
      { effectiveFrom: '2026-10-02', weeklyHours: 12 },
      { effectiveFrom: '2026-11-01', weeklyHours: 14 },
    ]);
  });

  it('#11.2: the targets and the dashboard report the same hires under clauses for the year', async () => {
    const auth = bearer(c.unit.admin.token);
    await api.http().put('/api/v1/targets/2026').set(auth).send({ hiresUnderClauses: 26 }).expect(200);
    const targets = await api.http().get('/api/v1/targets/2026').set(auth).expect(200);
    const dashboard = await api.http().get('/api/v1/follow-up/dashboard/2026').set(auth).expect(200);
    expect(targets.body.progress.hiresUnderClauses).toBe(15);
    expect(dashboard.body.target.hiresActual).toBe(15);
    expect(dashboard.body.totals.hires.actual).toBe(15);
    expect(targets.body.progress.countedOn).toBe(dashboard.body.at);
  });

  it('#11.3: the running month is counted up to today and says so; months ahead and ranges over 120 months are a 400', async () => {
    const auth = bearer(c.unit.procurement.token);
    const series = await api.http().get(`/api/v1/contracts/${c.contracts[0]}/compliance-series?from=2026-10`).set(auth).expect(200);
    expect(series.body.periods.map((p: { period: string; at: string; running: boolean }) => [p.period, p.at, p.running])).toEqual([
      ['2026-10', '2026-10-31', false],
      ['2026-11', '2026-11-20', true],
    ]);
    const ahead = await api.http().get(`/api/v1/contracts/${c.contracts[0]}/compliance-series?from=2026-10&to=2027-01`).set(auth).expect(400);
    expect(ahead.body.message).toMatch(/^to must not be later than the running month \(2026-11\)/);
    const long = await api.http().get(`/api/v1/contracts/${c.contracts[0]}/compliance-series?from=2015-01&to=2026-11`).set(auth).expect(400);
    expect(long.body.message).toMatch(/spans 143 months; at most 120/);
  });
});
