import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ManualClock } from '@klausul/domain';
import { firstWorkingDayOf, ReviewLinkSigner, ReviewRunService, reviewSchedule } from '@klausul/followup';
import { createApiApplication, createWorkerApplication } from '@klausul/runtime';
import { FollowupFactory, type FollowupCase } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, testRuntime } from '../support/test-runtime';


describe('phase 3: the monthly run, the supplier link and the confirmation', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  const clock = new ManualClock(new Date('2025-04-01T06:00:00Z'));
  let f: FollowupFactory;
  let c: FollowupCase;
  let placements: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = { ...testRuntime(db.url, 'postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200', DUE_TASK_SWEEP_INTERVAL_MS: '200' }), clock };
    app = await createApiApplication(runtime);
    await app.init();
    f = new FollowupFactory(app);
    c = await f.case();
    placements = [
      await f.contracts.placement(c.contracts[0], { startDate: '2025-02-01', weeklyHours: 10 }),
      await f.contracts.placement(c.contracts[0], { startDate: '2025-02-01', weeklyHours: 12 }),
      await f.contracts.placement(c.contracts[0], { startDate: '2025-03-10', weeklyHours: 14 }),
    ];
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  it('creates one review per contract and sends one e-mail per supplier, however often the run runs', async () => {
    const [a, b] = await Promise.all([f.run(c.unit, '2025-03'), f.run(c.unit, '2025-03')]);
    const again = await f.run(c.unit, '2025-03');
    expect(a.reviewsCreated + b.reviewsCreated + again.reviewsCreated).toBe(2);
    expect(a.placementChecksCreated + b.placementChecksCreated).toBe(3);
    expect(a.requestsQueued + b.requestsQueued + again.requestsQueued).toBe(2);
    const links = await f.linksFor(c.hr[0].user.email, '2025-03');
    expect(links).toHaveLength(1);
    await f.linksFor(c.hr[1].user.email, '2025-03');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(f.requestsTo(c.hr[0].user.email, '2025-03')).toHaveLength(1);
    expect(f.requestsTo(c.hr[1].user.email, '2025-03')).toHaveLength(1);
    const [{ n }] = await f.contracts.identity.query<{ n: number }>("SELECT count(*)::int AS n FROM scheduled_task WHERE job_name IN ('remind-review', 'review-deadline')");
    expect(n).toBe(4);
  });

  it('shows the review pre-filled through the link, without credentials', async () => {
    const [token] = await f.linksFor(c.hr[0].user.email, '2025-03');
    const res = await f.http().get(`/api/v1/review-links/${token}`).expect(200);
    expect(res.body).toMatchObject({ contractId: c.contracts[0], period: '2025-03', state: 'awaiting_supplier' });
    expect(res.body.placements.map((p: { previousWeeklyHours: number }) => p.previousWeeklyHours).sort()).toEqual([10, 12, 14]);
  });

  it('refuses tampered, foreign, expired and malformed links, and changes nothing', async () => {
    const [token] = await f.linksFor(c.hr[0].user.email, '2025-03');
    const [header, body, mac] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const other = await f.reviewOf(c.contracts[1], '2025-03');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, reviewId: other.id })).toString('base64url')}.${mac}`;
    expect((await f.http().get(`/api/v1/review-links/${tampered}`)).status).toBe(401);
    expect((await f.http().get('/api/v1/review-links/not-a-token')).status).toBe(401);
    // A validly signed link whose review does not match its contract and month.
    const foreign = await app.get(ReviewLinkSigner).sign({ reviewId: other.id, supplierId: c.suppliers[0].id, contractId: c.contracts[0], period: '2025-03', exp: claims.exp });
    const refused = await f.http().post(`/api/v1/review-links/${foreign}`).send({ placements: [] });
    expect(refused.status).toBe(403);
    // A link past its expiry, signed as the run signs it. (Moving the shared clock instead would let
    // the worker's due-task sweep, every 200 ms, mark the month overdue meanwhile.)
    const pastExpiry = await app.get(ReviewLinkSigner).sign({ ...claims, exp: Math.floor(clock.now().getTime() / 1000) - 60 });
    const expired = await f.http().post(`/api/v1/review-links/${pastExpiry}`).send({ placements: placements.map((placementId) => ({ placementId, stillEmployed: true, weeklyHours: 10 })) });
    expect(expired.status).toBe(401);
    expect((await f.reviewOf(c.contracts[0], '2025-03')).state).toBe('awaiting_supplier');
    expect((await f.reviewOf(c.contracts[1], '2025-03')).state).toBe('awaiting_supplier');
  });

  it('refuses bad confirmations with a 400 and changes nothing', async () => {
    const [token] = await f.linksFor(c.hr[0].user.email, '2025-03');
    const all = (over: Record<string, unknown> = {}) => placements.map((placementId) => ({ placementId, stillEmployed: true, weeklyHours: 10, ...over }));
    const bad = [
      { placements: [...all().slice(1), { placementId: '00000000-0000-4000-8000-000000000000', stillEmployed: true, weeklyHours: 10 }] },
      { placements: all({ weeklyHours: -5 }) },
      { placements: [...all().slice(1), { placementId: placements[0], stillEmployed: false, endDate: '2025-01-15', endReason: 'resigned' }] },
      { placements: [...all().slice(1), { placementId: placements[0], stillEmployed: false, endDate: '2025-13-40', endReason: 'resigned' }] },
      { placements: all().slice(1) },
      { placements: all(), unexpected: true },
    ];
    for (const body of bad) {
      const res = await f.http().post(`/api/v1/review-links/${token}`).send(body);
      expect({ status: res.status, body }).toMatchObject({ status: 400 });
    }
    const [{ n }] = await f.contracts.identity.query<{ n: number }>("SELECT count(*)::int AS n FROM placement WHERE id = ANY($1) AND state = 'active'", [placements]);
    expect(n).toBe(3);
    expect((await f.reviewOf(c.contracts[0], '2025-03')).state).toBe('awaiting_supplier');
  });

  it('ends and changes placements through their workflow when the supplier confirms, once', async () => {
    const [token] = await f.linksFor(c.hr[0].user.email, '2025-03');
    const body = {
      note: 'Alt vel',
      placements: [
        { placementId: placements[0], stillEmployed: false, endDate: '2025-03-20', endReason: 'moved_to_ordinary_job' },
        { placementId: placements[1], stillEmployed: true, weeklyHours: 15 },
        { placementId: placements[2], stillEmployed: true, weeklyHours: 16 },
      ],
    };
    const res = await f.http().post(`/api/v1/review-links/${token}`).send(body).expect(200);
    expect(res.body.state).toBe('submitted');
    const ended = await f.http().get(`/api/v1/placements/${placements[0]}`).set(bearer(c.unit.employment.token)).expect(200);
    expect(ended.body).toMatchObject({ state: 'ended', endDate: '2025-03-20', endReason: 'moved_to_ordinary_job' });
    const changed = await f.http().get(`/api/v1/placements/${placements[1]}`).set(bearer(c.unit.employment.token)).expect(200);
    expect(changed.body).toMatchObject({ weeklyHours: 15 });
    expect(changed.body.hoursHistory).toContainEqual({ effectiveFrom: '2025-03-01', weeklyHours: 15 });
    // Hired on 10 March at 14 h: that stays its first entry, and the change the supplier reports follows it.
    const hiredInMarch = await f.http().get(`/api/v1/placements/${placements[2]}`).set(bearer(c.unit.employment.token)).expect(200);
    expect(hiredInMarch.body.hoursHistory).toContainEqual({ effectiveFrom: '2025-03-11', weeklyHours: 16 });
    expect((await f.http().post(`/api/v1/review-links/${token}`).send(body)).status).toBe(422);
  });

  it('the signed-in supplier confirms its other review; the unit concludes and exports the month', async () => {
    const review = await f.reviewOf(c.contracts[1], '2025-03');
    expect((await f.http().get(`/api/v1/reviews/${review.id}/confirmation`).set(bearer(c.hr[0].token))).status).toBe(404);
    await f.http().get(`/api/v1/reviews/${review.id}/confirmation`).set(bearer(c.hr[1].token)).expect(200);
    await f.http().post(`/api/v1/reviews/${review.id}/confirmation`).set(bearer(c.hr[1].token)).send({ placements: [] }).expect(200);
    const conclusion = { discussion: 'Ingen ansættelser endnu', actions: ['offer_upskilling', 'notify_breach'], breachNote: 'Klausulen kræver 13 ansættelser' };
    const conclude = (body: Record<string, unknown>) => f.http().post(`/api/v1/reviews/${review.id}/conclude`).set(bearer(c.unit.employment.token)).send(body);
    // Upskilling is offered in a programme of the municipality's own.
    const missing = await conclude(conclusion).expect(400);
    expect(missing.body.details).toMatchObject({ field: 'upskillingProgrammeId' });
    const foreign = (await f.http().post('/api/v1/upskilling/programmes').set(bearer((await f.contracts.unit()).employment.token)).send({ name: 'Andet sted', capacity: 5, maxDurationMonths: 6 }).expect(201)).body.id;
    expect((await conclude({ ...conclusion, upskillingProgrammeId: foreign }).expect(400)).body.details).toMatchObject({ field: 'upskillingProgrammeId' });
    expect((await f.reviewOf(c.contracts[1], '2025-03')).state).toBe('submitted');
    const programme = (await f.http().post('/api/v1/upskilling/programmes').set(bearer(c.unit.employment.token)).send({ name: 'Kørekursus', capacity: 5, maxDurationMonths: 6 }).expect(201)).body.id;
    const concluded = await conclude({ ...conclusion, upskillingProgrammeId: programme }).expect(200);
    expect(concluded.body).toMatchObject({ state: 'concluded', actions: ['offer_upskilling', 'notify_breach'], upskillingProgramme: { id: programme, name: 'Kørekursus' } });
    await eventually(async () => f.mails().find((m) => m.subject.startsWith('Beskæftigelsesklausulen er ikke opfyldt')));
    // The meeting pack for Danish Excel: one line per employee, the contract without employees on a line of its own.
    const csv = await f.http().get('/api/v1/reviews.csv?period=2025-03').set(bearer(c.unit.procurement.token)).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="moedepakke-2025-03.csv"; filename*=UTF-8\'\'m%C3%B8depakke-2025-03.csv');
    expect(csv.headers['cache-control']).toBe('no-store');
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[0].split(';').slice(0, 4)).toEqual(['Måned', 'Udbud', 'Leverandør', 'CVR']);
    expect(lines.filter((line) => line.split(';')[18] === '2025-03-20')).toHaveLength(1);
    expect((await f.http().get('/api/v1/reviews.csv?period=2025-3').set(bearer(c.unit.procurement.token))).status).toBe(400);
  });

  it('marks an unanswered review overdue at the deadline, alerts the caseworkers, then escalates to the admins', async () => {
    // April can be run once it has ended: on May's first working day.
    const runAt = new Date(`${firstWorkingDayOf('2025-05')}T06:00:00Z`);
    clock.set(runAt);
    const schedule = reviewSchedule(runAt, { reminderWorkingDays: 3, deadlineWorkingDays: 5, escalationWorkingDays: 5 });
    await f.run(c.unit, '2025-04');
    await f.linksFor(c.hr[1].user.email, '2025-04');
    // The clock moves as days pass: first past the reminders (third working day), then past the deadline.
    clock.set(new Date(schedule.remindAt.getTime() + 4 * 3600_000));
    const reminders = () => f.mails().filter((m) => m.subject.startsWith('Påmindelse: månedlig opfølgning 2025-04'));
    await eventually(async () => (reminders().length >= 2 ? true : undefined));
    clock.set(new Date(schedule.deadlineAt.getTime() + 3600_000)); // after 16:00 Copenhagen on the fifth working day
    await eventually(async () => ((await f.reviewOf(c.contracts[1], '2025-04')).state === 'overdue' ? true : undefined));
    await eventually(async () => f.mails().find((m) => m.subject.startsWith('Frist overskredet') && m.to.includes(c.unit.employment.user.email)));
    clock.set(new Date(schedule.escalateAt.getTime() + 3600_000));
    await eventually(async () => f.mails().find((m) => m.subject.startsWith('Eskaleret') && m.to.includes(c.unit.admin.user.email)));
    expect(reminders()).toHaveLength(2);
  });

  it('two worker processes running the same month create one review per contract and one e-mail per supplier', async () => {
    const workers: INestApplicationContext[] = [await createWorkerApplication(runtime), await createWorkerApplication(runtime)];
    try {
      const now = new Date('2025-06-02T06:00:00Z');
      const results = await Promise.all(workers.map((w) => w.get(DataSource).transaction((m) => w.get(ReviewRunService).run(m, '2025-05', now))));
      expect(results.reduce((s, r) => s + r.reviewsCreated, 0)).toBe(2);
      expect(results.reduce((s, r) => s + r.requestsQueued, 0)).toBe(2);
      const sent = () => f.contracts.identity.query<{ recipient: string }>("SELECT recipient FROM message WHERE template = 'review-request' AND subject LIKE '%2025-05%' AND delivery_status = 'delivered'");
      await eventually(async () => ((await sent()).length === 2 ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await sent()).map((m) => m.recipient).sort()).toEqual([c.hr[0].user.email, c.hr[1].user.email].sort());
    } finally {
      for (const w of workers) await w.close();
    }
  });
});
