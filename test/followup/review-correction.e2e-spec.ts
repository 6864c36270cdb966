import type { INestApplication } from '@nestjs/common';
import { ManualClock } from '@klausul/domain';
import { createApiApplication } from '@klausul/runtime';
import { FollowupFactory, type FollowupCase } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, testRuntime } from '../support/test-runtime';

interface HistoryRow {
  event: string;
  from: string;
  to: string;
  actor: { role: string };
  input: Record<string, any>;
}

const TABLES = ['placement_check', 'placement_hours', 'workflow_transition', 'outbox'];

describe('phase 3: the supplier corrects its monthly confirmation until the unit concludes (#11.5)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  const clock = new ManualClock(new Date('2025-04-01T06:00:00Z'));
  let f: FollowupCase & { factory: FollowupFactory };
  let p: string[];
  let q: string;
  let token: string;
  let review: { id: string };
  let otherReview: { id: string };

  const http = () => f.factory.http();
  const answers = (over: Record<string, Record<string, unknown>> = {}) =>
    p.map((placementId, i) => ({ placementId, stillEmployed: true, weeklyHours: [10, 12, 14][i], ...over[placementId] }));
  const history = async (id: string): Promise<HistoryRow[]> =>
    (await http().get(`/api/v1/reviews/${id}/history?limit=200`).set(bearer(f.unit.employment.token)).expect(200)).body.items;
  const checkOf = async (placementId: string) =>
    (await http().get(`/api/v1/reviews/${review.id}`).set(bearer(f.unit.employment.token)).expect(200)).body.placements.find(
      (c: { placementId: string }) => c.placementId === placementId,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = { ...testRuntime(db.url, 'postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' }), clock };
    app = await createApiApplication(runtime);
    await app.init();
    const factory = new FollowupFactory(app);
    f = { ...(await factory.case()), factory };
    p = [
      await factory.contracts.placement(f.contracts[0], { startDate: '2025-02-01', weeklyHours: 10 }),
      await factory.contracts.placement(f.contracts[0], { startDate: '2025-02-01', weeklyHours: 12 }),
      await factory.contracts.placement(f.contracts[0], { startDate: '2025-02-01', weeklyHours: 14 }),
    ];
    q = await factory.contracts.placement(f.contracts[1], { startDate: '2025-02-01', weeklyHours: 10 });
    await factory.run(f.unit, '2025-03');
    [token] = await factory.linksFor(f.hr[0].user.email, '2025-03');
    review = await factory.reviewOf(f.contracts[0], '2025-03');
    otherReview = await factory.reviewOf(f.contracts[1], '2025-03');
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  it('#11.5: a correction before the first confirmation is refused (422): there is nothing to correct yet', async () => {
    const res = await http().post(`/api/v1/review-links/${token}/correction`).send({ placements: answers() });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { allowedEvents: ['submit'] } });
  });

  it('#11.5: through the link, the supplier corrects its confirmation; placements follow and the caseworker sees the answers before and after', async () => {
    await http().post(`/api/v1/review-links/${token}`).send({ placements: answers(), note: 'Alt vel' }).expect(200);
    const corrected = await http()
      .post(`/api/v1/review-links/${token}/correction`)
      .send({
        note: 'Rettelse: Kim stoppede i marts, og Sam kører 11 timer',
        placements: answers({
          [p[0]]: { stillEmployed: false, weeklyHours: undefined, endDate: '2025-03-20', endReason: 'resigned' },
          [p[1]]: { weeklyHours: 11 },
          [p[2]]: { note: 'Kører nu eftermiddagsruter' },
        }),
      })
      .expect(200);
    expect(corrected.body).toMatchObject({ state: 'submitted', supplierNote: 'Rettelse: Kim stoppede i marts, og Sam kører 11 timer', correctedAt: expect.any(String) });
    expect(corrected.body).not.toHaveProperty('discussion');

    // The placements changed through their workflow.
    const ended = await http().get(`/api/v1/placements/${p[0]}`).set(bearer(f.unit.employment.token)).expect(200);
    expect(ended.body).toMatchObject({ state: 'ended', endDate: '2025-03-20', endReason: 'resigned' });
    const changed = await http().get(`/api/v1/placements/${p[1]}`).set(bearer(f.unit.employment.token)).expect(200);
    expect(changed.body.hoursHistory).toContainEqual({ effectiveFrom: '2025-03-01', weeklyHours: 11 });
    expect(await checkOf(p[2])).toMatchObject({ stillEmployed: true, weeklyHours: 14, note: 'Kører nu eftermiddagsruter' });

    // The caseworker reads what changed in the review's history: one `correct` row, by the supplier, with before and after.
    const rows = await history(review.id);
    expect(rows.map((r) => r.event)).toEqual(['create', 'submit', 'correct']);
    const correction = rows[2];
    expect(correction).toMatchObject({ from: 'submitted', to: 'submitted', actor: { role: 'supplier_hr' } });
    expect(correction.input).toMatchObject({ noteBefore: 'Alt vel', note: 'Rettelse: Kim stoppede i marts, og Sam kører 11 timer' });
    const change = (id: string) => correction.input.changes.find((c: { placementId: string }) => c.placementId === id);
    expect(correction.input.changes).toHaveLength(3);
    expect(change(p[0])).toEqual({
      placementId: p[0],
      before: { stillEmployed: true, weeklyHours: 10, endDate: null, endReason: null, note: null },
      after: { stillEmployed: false, weeklyHours: null, endDate: '2025-03-20', endReason: 'resigned', note: null },
    });
    expect(change(p[1])).toMatchObject({ before: { weeklyHours: 12 }, after: { weeklyHours: 11 } });
    expect(change(p[2])).toMatchObject({ before: { note: null }, after: { note: 'Kører nu eftermiddagsruter' } });
  });

  it('#11.5: the signed-in supplier corrects through POST /reviews/:id/correction', async () => {
    const hr = bearer(f.hr[1].token);
    await http().post(`/api/v1/reviews/${otherReview.id}/confirmation`).set(hr).send({ placements: [{ placementId: q, stillEmployed: true, weeklyHours: 10 }] }).expect(200);
    // Another supplier cannot correct it: not its review.
    expect((await http().post(`/api/v1/reviews/${otherReview.id}/correction`).set(bearer(f.hr[0].token)).send({ placements: [] })).status).toBe(404);
    // The unit cannot correct on the supplier's behalf.
    expect((await http().post(`/api/v1/reviews/${otherReview.id}/correction`).set(bearer(f.unit.employment.token)).send({ placements: [] })).status).toBe(403);
    const res = await http().post(`/api/v1/reviews/${otherReview.id}/correction`).set(hr).send({ placements: [{ placementId: q, stillEmployed: true, weeklyHours: 15 }] }).expect(200);
    expect(res.body.placements[0]).toMatchObject({ placementId: q, weeklyHours: 15 });
    const placement = await http().get(`/api/v1/placements/${q}`).set(bearer(f.unit.employment.token)).expect(200);
    expect(placement.body.hoursHistory).toContainEqual({ effectiveFrom: '2025-03-01', weeklyHours: 15 });
    const rows = await history(otherReview.id);
    expect(rows.at(-1)).toMatchObject({ event: 'correct', input: { changes: [{ placementId: q, before: { weeklyHours: 10 }, after: { weeklyHours: 15 } }] } });
  });

  it('#11.5: a correction that would undo a recorded change, or changes nothing, is refused and writes nothing', async () => {
    const current = answers({
      [p[0]]: { stillEmployed: false, weeklyHours: undefined, endDate: '2025-03-20', endReason: 'resigned' },
      [p[1]]: { weeklyHours: 11 },
      [p[2]]: { note: 'Kører nu eftermiddagsruter' },
    });
    const before = await f.factory.contracts.counts(TABLES);
    const { version } = (await http().get(`/api/v1/reviews/${review.id}`).set(bearer(f.unit.employment.token)).expect(200)).body;
    const attempts: [Record<string, unknown>, number, string][] = [
      // Un-ending a placement this review ended.
      [{ placements: current.map((a) => (a.placementId === p[0] ? { placementId: p[0], stillEmployed: true, weeklyHours: 10 } : a)) }, 422, 'recorded as ended'],
      // Changing hours this review already changed for the same month.
      [{ placements: current.map((a) => (a.placementId === p[1] ? { ...a, weeklyHours: 13 } : a)), note: 'x' }, 422, 'cannot be changed again'],
      // The same answers and note again.
      [{ placements: current, note: 'Rettelse: Kim stoppede i marts, og Sam kører 11 timer' }, 400, 'changes nothing'],
      // Not every placement answered.
      [{ placements: current.slice(1), note: 'y' }, 400, 'missing'],
    ];
    for (const [body, status, message] of attempts) {
      const res = await http().post(`/api/v1/review-links/${token}/correction`).send(body);
      expect({ status: res.status, message: res.body.message }).toEqual({ status, message: expect.stringContaining(message) });
    }
    expect(await f.factory.contracts.counts(TABLES)).toEqual(before);
    expect((await http().get(`/api/v1/reviews/${review.id}`).set(bearer(f.unit.employment.token)).expect(200)).body.version).toBe(version);
  });

  it('#11.5: once the unit concludes, the supplier can no longer correct: 422 through REST, 410 through the link', async () => {
    await http().post(`/api/v1/reviews/${otherReview.id}/conclude`).set(bearer(f.unit.employment.token)).send({ discussion: 'Gennemgået' }).expect(200);
    const rest = await http().post(`/api/v1/reviews/${otherReview.id}/correction`).set(bearer(f.hr[1].token)).send({ placements: [{ placementId: q, stillEmployed: true, weeklyHours: 16 }] });
    expect(rest.status).toBe(422);
    expect(rest.body.code).toBe('INVALID_TRANSITION');
    await http().post(`/api/v1/reviews/${review.id}/conclude`).set(bearer(f.unit.employment.token)).send({ discussion: 'Gennemgået' }).expect(200);
    expect((await http().post(`/api/v1/review-links/${token}/correction`).send({ placements: answers() })).status).toBe(410);
    expect((await http().get(`/api/v1/placements/${q}`).set(bearer(f.unit.employment.token)).expect(200)).body.hoursHistory).not.toContainEqual({ effectiveFrom: '2025-03-01', weeklyHours: 16 });
  });
});
