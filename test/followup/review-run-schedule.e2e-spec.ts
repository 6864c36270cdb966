import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ManualClock } from '@klausul/domain';
import { MailSender } from '@klausul/messaging';
import { jobSchedules, QueueName } from '@klausul/queue';
import { createApiApplication, createWorkerApplication } from '@klausul/runtime';
import { FollowupFactory, type FollowupCase } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, testRuntime } from '../support/test-runtime';

interface RunRow {
  municipality_id: string;
  period: string;
  trigger: string;
  scheduled_for: Date | null;
  started_at: Date;
  late: boolean;
  reviews_created: number;
}

/**
 * Each municipality's own monthly run, on an injected clock. The API runs without workers;
 * a worker process is started when the story has one up, so "no worker across the first
 * working day" is just that. A tick is what the job scheduler does every quarter of an hour.
 */
describe('phase 3: each municipality runs its month at its own time, and a missed run is caught up (#11.10, #12.9)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  const clock = new ManualClock(new Date('2025-04-01T05:00:00Z'));
  let f: FollowupFactory;
  let early: FollowupCase;
  let late: FollowupCase;
  let worker: INestApplicationContext | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = { ...testRuntime(db.url, 'postgres', { RUN_WORKER: 'false', OUTBOX_SWEEP_INTERVAL_MS: '200', DUE_TASK_SWEEP_INTERVAL_MS: '3600000' }), clock };
    app = await createApiApplication(runtime);
    await app.init();
    f = new FollowupFactory(app);
    early = await f.case();
    late = await f.case();
    for (const c of [early, late]) await f.contracts.placement(c.contracts[0], { startDate: '2025-02-01', weeklyHours: 10 });
    await existedSince2025(early, late);
  });

  /** The municipalities were set up (by the database's clock, today) long before the injected clock's 2025: say they were there then. */
  const existedSince2025 = (...cases: FollowupCase[]) =>
    f.contracts.identity.query("UPDATE municipality SET created_at = '2025-01-01T00:00:00Z' WHERE id = ANY($1)", [cases.map((c) => c.unit.municipalityId)]);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  const startWorker = async () => {
    await worker?.close();
    worker = await createWorkerApplication(runtime);
  };
  const stopWorker = async () => {
    await worker?.close();
    worker = null;
  };
  /** One tick of the schedule, as BullMQ's job scheduler adds it; waits until a worker has run it. */
  const tick = async () => {
    const job = await app.get<Queue>(getQueueToken(QueueName.System), { strict: false }).add('start-review-run', {});
    await eventually(async () => ((await job.isCompleted()) ? true : (await job.isFailed()) ? Promise.reject(new Error(job.failedReason)) : undefined));
  };
  const at = async (instant: string) => {
    clock.set(new Date(instant));
    await tick();
  };
  const runsOf = (c: FollowupCase) =>
    f.contracts.identity.query<RunRow>('SELECT * FROM review_run WHERE municipality_id = $1 ORDER BY period', [c.unit.municipalityId]);
  const reviewsOf = async (c: FollowupCase, period: string) =>
    (await f.contracts.identity.query<{ n: number }>('SELECT count(*)::int AS n FROM review WHERE municipality_id = $1 AND period = $2', [c.unit.municipalityId, period]))[0].n;
  const requestMails = (c: FollowupCase, period: string) =>
    f.contracts.identity.query<{ recipient: string }>(
      "SELECT recipient FROM message WHERE municipality_id = $1 AND template = 'review-request' AND subject LIKE $2",
      [c.unit.municipalityId, `%${period}%`],
    );
  const lateNotices = (c: FollowupCase) =>
    f.contracts.identity.query<{ recipient: string; subject: string; body_text: string }>(
      "SELECT recipient, subject, body_text FROM message WHERE municipality_id = $1 AND template = 'review-run-late' ORDER BY recipient",
      [c.unit.municipalityId],
    );

  it('the schedule ticks every quarter of an hour, in Copenhagen time (outside tests, which tick by hand)', () => {
    const monthly = jobSchedules({ ...runtime.config, env: 'production' }).find((s) => s.job === 'start-review-run');
    expect(monthly?.repeat).toEqual({ pattern: '*/15 * * * *', tz: 'Europe/Copenhagen' });
    expect(jobSchedules(runtime.config).find((s) => s.job === 'start-review-run')).toBeUndefined();
  });

  it('#11.10: the admin sets the working day and time of the run; bad values are a 400 naming the field, and nothing is stored', async () => {
    const admin = bearer(late.unit.admin.token);
    expect((await f.http().get('/api/v1/settings/follow-up').set(admin).expect(200)).body).toEqual({ reviewRunWorkingDay: 1, reviewRunTime: '08:00' });
    const bad: [Record<string, unknown>, string][] = [
      [{ reviewRunWorkingDay: 0, reviewRunTime: '08:00' }, 'reviewRunWorkingDay'],
      [{ reviewRunWorkingDay: 11, reviewRunTime: '08:00' }, 'reviewRunWorkingDay'],
      [{ reviewRunWorkingDay: 2.5, reviewRunTime: '08:00' }, 'reviewRunWorkingDay'],
      [{ reviewRunWorkingDay: '3', reviewRunTime: '08:00' }, 'reviewRunWorkingDay'],
      [{ reviewRunWorkingDay: 3, reviewRunTime: '24:00' }, 'reviewRunTime'],
      [{ reviewRunWorkingDay: 3, reviewRunTime: '8:00' }, 'reviewRunTime'],
      [{ reviewRunWorkingDay: 3, reviewRunTime: '13:30:00' }, 'reviewRunTime'],
      [{ reviewRunWorkingDay: 3 }, 'reviewRunTime'],
    ];
    for (const [body, field] of bad) {
      const res = await f.http().put('/api/v1/settings/follow-up').set(admin).send(body);
      expect({ body, status: res.status, names: res.body.message?.includes(field) }).toEqual({ body, status: 400, names: true });
    }
    expect((await f.http().put('/api/v1/settings/follow-up').set(bearer(late.unit.procurement.token)).send({ reviewRunWorkingDay: 3, reviewRunTime: '13:30' })).status).toBe(403);
    expect((await f.contracts.identity.query<{ n: number }>('SELECT count(*)::int AS n FROM follow_up_setting'))[0].n).toBe(0);
    const set = await f.http().put('/api/v1/settings/follow-up').set(admin).send({ reviewRunWorkingDay: 3, reviewRunTime: '13:30' }).expect(200);
    expect(set.body).toEqual({ reviewRunWorkingDay: 3, reviewRunTime: '13:30' });
    // The other municipality keeps the default.
    expect((await f.http().get('/api/v1/settings/follow-up').set(bearer(early.unit.admin.token)).expect(200)).body).toEqual({ reviewRunWorkingDay: 1, reviewRunTime: '08:00' });
  });

  it('#11.10: two municipalities with different settings each get their run once, at their own time', async () => {
    // February ran for both (by hand), so March's run is the one owed in April.
    for (const c of [early, late]) await f.run(c.unit, '2025-02');
    await startWorker();
    // 1 April 2025 (Tuesday) is the first working day; 3 April the third. Copenhagen is UTC+2 then.
    await at('2025-04-01T05:59:00Z');
    expect(await reviewsOf(early, '2025-03')).toBe(0);
    await at('2025-04-01T06:00:00Z');
    expect(await reviewsOf(early, '2025-03')).toBe(2);
    expect(await reviewsOf(late, '2025-03')).toBe(0);
    await at('2025-04-01T06:15:00Z');
    await at('2025-04-03T11:15:00Z');
    expect(await reviewsOf(late, '2025-03')).toBe(0);
    await at('2025-04-03T11:30:00Z');
    expect(await reviewsOf(late, '2025-03')).toBe(2);
    await at('2025-04-03T11:45:00Z');
    await at('2025-04-10T09:00:00Z');

    const march = async (c: FollowupCase) => (await runsOf(c)).filter((r) => r.period === '2025-03');
    expect(await march(early)).toEqual([
      expect.objectContaining({ trigger: 'schedule', scheduled_for: new Date('2025-04-01T06:00:00Z'), started_at: new Date('2025-04-01T06:00:00Z'), late: false, reviews_created: 2 }),
    ]);
    expect(await march(late)).toEqual([
      expect.objectContaining({ trigger: 'schedule', scheduled_for: new Date('2025-04-03T11:30:00Z'), started_at: new Date('2025-04-03T11:30:00Z'), late: false, reviews_created: 2 }),
    ]);
    expect(await reviewsOf(early, '2025-03')).toBe(2);
    expect(await reviewsOf(late, '2025-03')).toBe(2);
    // Each supplier is asked once, and no one is told of a late run.
    for (const c of [early, late]) {
      await eventually(async () => ((await requestMails(c, '2025-03')).length === 2 ? true : undefined));
      expect((await requestMails(c, '2025-03')).map((m) => m.recipient).sort()).toEqual([c.hr[0].user.email, c.hr[1].user.email].sort());
      expect(await lateNotices(c)).toEqual([]);
    }
    const listed = await f.http().get('/api/v1/reviews/runs').set(bearer(late.unit.employment.token)).expect(200);
    expect(listed.body.items.map((r: { period: string }) => r.period)).toEqual(['2025-03', '2025-02']);
    expect(listed.body.items[0]).toMatchObject({ trigger: 'schedule', scheduledFor: '2025-04-03T11:30:00.000Z', late: false, reviewsCreated: 2 });
    await stopWorker();
  });

  it('#12.9: no worker up across the first working day; started on the 5th, the run happens then, once, and the unit is told it was late', async () => {
    // May 2025: the 1st (Thursday) is the first working day, the 5th (Monday) the third. The schedule's
    // tick of 1 May 08:00 waits in the queue: no worker runs from 30 April until 10:00 on 5 May.
    clock.set(new Date('2025-05-01T06:00:00Z'));
    const waiting = await app.get<Queue>(getQueueToken(QueueName.System), { strict: false }).add('start-review-run', {});
    clock.set(new Date('2025-05-05T08:00:00Z'));
    await startWorker();
    await eventually(async () => ((await waiting.isCompleted()) ? true : undefined));
    expect(await reviewsOf(early, '2025-04')).toBe(2);
    // The other municipality's time that day (13:30) has not come yet.
    expect(await reviewsOf(late, '2025-04')).toBe(0);
    await at('2025-05-05T08:15:00Z');
    await at('2025-05-05T11:30:00Z');
    await at('2025-05-06T06:00:00Z');

    const april = async (c: FollowupCase) => (await runsOf(c)).filter((r) => r.period === '2025-04');
    expect(await april(early)).toEqual([
      expect.objectContaining({ trigger: 'schedule', scheduled_for: new Date('2025-05-01T06:00:00Z'), started_at: new Date('2025-05-05T08:00:00Z'), late: true, reviews_created: 2 }),
    ]);
    expect(await april(late)).toEqual([expect.objectContaining({ scheduled_for: new Date('2025-05-05T11:30:00Z'), late: false })]);
    expect(await reviewsOf(early, '2025-04')).toBe(2);

    // The unit's caseworkers get one notice each; the run list shows the flag.
    const notices = await lateNotices(early);
    expect(notices.map((n) => n.recipient)).toEqual([early.unit.employment.user.email, early.unit.procurement.user.email].sort());
    expect(notices[0].subject).toBe('Den månedlige opfølgning for 2025-04 kørte forsinket');
    expect(notices[0].body_text).toContain('2 opfølgninger er oprettet');
    expect(await lateNotices(late)).toEqual([]);
    await eventually(async () => {
      const sent = worker!.get(MailSender).catcher!.received.filter((m) => m.subject.includes('kørte forsinket'));
      return sent.length === 2 ? sent : undefined;
    });
    const listed = await f.http().get('/api/v1/reviews/runs?limit=1').set(bearer(early.unit.procurement.token)).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ period: '2025-04', late: true, scheduledFor: '2025-05-01T06:00:00.000Z', startedAt: '2025-05-05T08:00:00.000Z' })]);
    expect(listed.body.nextCursor).toEqual(expect.any(String));
    // Each supplier still gets exactly one request for April.
    for (const c of [early, late]) await eventually(async () => ((await requestMails(c, '2025-04')).length === 2 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await requestMails(early, '2025-04')).length).toBe(2);
    await stopWorker();
  });

  it('#12.9: a month whose run month passed with no worker at all is caught up the month after, before that month is due', async () => {
    // A municipality no run has ever reached: on 2 June at 07:00 (before June's 08:00), April (owed in May) is caught up, late;
    // at 08:00 June's own run reviews May, on time. The two others owe nothing then, and only May runs for them at 08:00.
    const absent = await f.case();
    await f.contracts.placement(absent.contracts[0], { startDate: '2025-02-01', weeklyHours: 10 });
    await existedSince2025(absent);
    clock.set(new Date('2025-06-02T05:00:00Z'));
    await startWorker();
    await tick();
    expect((await runsOf(absent)).map((r) => [r.period, r.late])).toEqual([['2025-04', true]]);
    expect(await reviewsOf(absent, '2025-04')).toBe(2);
    expect((await runsOf(early)).map((r) => r.period)).toEqual(['2025-02', '2025-03', '2025-04']);
    await at('2025-06-02T06:00:00Z');
    expect((await runsOf(absent)).map((r) => [r.period, r.late])).toEqual([['2025-04', true], ['2025-05', false]]);
    expect((await runsOf(early)).map((r) => [r.period, r.late])).toEqual([['2025-02', false], ['2025-03', false], ['2025-04', true], ['2025-05', false]]);
    expect(await lateNotices(absent)).toHaveLength(2);
    await stopWorker();
  });

  it('#12.9: a municipality set up after its run was due gets that month run, without being told it was late', async () => {
    const fresh = await f.case();
    await f.contracts.placement(fresh.contracts[0], { startDate: '2025-02-01', weeklyHours: 10 });
    await f.contracts.identity.query("UPDATE municipality SET created_at = '2025-06-03T10:00:00Z' WHERE id = $1", [fresh.unit.municipalityId]);
    clock.set(new Date('2025-06-04T08:00:00Z'));
    await startWorker();
    await tick();
    expect((await runsOf(fresh)).map((r) => [r.period, r.late, r.reviews_created])).toEqual([['2025-05', false, 2]]);
    expect(await lateNotices(fresh)).toEqual([]);
    await stopWorker();
  });
});
