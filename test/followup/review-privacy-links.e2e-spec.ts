import { createHmac } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { SignJWT } from 'jose';
import { ManualClock } from '@klausul/domain';
import { createApiApplication } from '@klausul/runtime';
import { FollowupFactory, type FollowupCase } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, testRuntime } from '../support/test-runtime';

// Known here, so the test can sign what an attacker holding the secret (or a bug) would sign.
const SECRET = 'review-link-secret-for-this-test-file-only-0123456789';
const INTERNAL = { discussion: 'Intern drøftelse: chaufføren har svært ved morgenruterne', challenges: 'Intern udfordring: sygefravær', actions: ['request_replacement'] };
const NOTE_TO_SUPPLIER = 'Tak for opfølgningen; vi tilbyder et kørekursus i maj.';
const TABLES = ['review', 'review_run', 'review_request', 'placement_check', 'outbox', 'workflow_transition'];

describe('phase 3: what a supplier sees of a review, the signed link and which months can be run', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  const clock = new ManualClock(new Date('2025-04-01T06:00:00Z'));
  let f: FollowupFactory;
  let c: FollowupCase;
  let placements: string[];
  let token: string;
  let reviewId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = { ...testRuntime(db.url, 'postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200', REVIEW_LINK_SECRET: SECRET }), clock };
    app = await createApiApplication(runtime);
    await app.init();
    f = new FollowupFactory(app);
    c = await f.case();
    placements = [await f.contracts.placement(c.contracts[0], { weeklyHours: 10 }), await f.contracts.placement(c.contracts[0], { weeklyHours: 12 })];
    await f.run(c.unit, '2025-03');
    [token] = await f.linksFor(c.hr[0].user.email, '2025-03');
    reviewId = (await f.reviewOf(c.contracts[0], '2025-03')).id;
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  const sign = (payload: Record<string, unknown>, exp = Math.floor(clock.now().getTime() / 1000) + 3600) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('klausul').setAudience('klausul:review-confirmation').setExpirationTime(exp)
      .sign(new TextEncoder().encode(SECRET));
  const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

  it('#12.3: the link is a JWS (HS256) with an expiry, the review id and the supplier in its claims', async () => {
    const [header] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    expect(claimsOf(token)).toMatchObject({ reviewId, supplierId: c.suppliers[0].id, contractId: c.contracts[0], period: '2025-03', exp: expect.any(Number) });
    await f.http().get(`/api/v1/review-links/${token}`).expect(200);
  });

  it('#12.3: a link signed with the real secret but holding a payload of the wrong shape is 401, never 500', async () => {
    const claims = claimsOf(token);
    const shapes = [{ ...claims, reviewId: 'not-a-uuid' }, { ...claims, reviewId: { $ne: null } }, { ...claims, supplierId: 7 }, { ...claims, period: '2025-3' }];
    for (const payload of shapes) {
      const forged = await sign(payload);
      for (const res of [await f.http().get(`/api/v1/review-links/${forged}`), await f.http().post(`/api/v1/review-links/${forged}`).send({ placements: [] })]) {
        expect({ payload, status: res.status, code: res.body.code }).toEqual({ payload, status: 401, code: 'UNAUTHENTICATED' });
      }
    }
    // A signed JSON null as the payload: JOSE cannot even sign it, so sign it by hand (HMAC-SHA256 over header.payload).
    const input = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('null').toString('base64url')}`;
    const nullPayload = `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
    expect((await f.http().get(`/api/v1/review-links/${nullPayload}`)).status).toBe(401);
    // Signed for this review but another supplier: the review does not belong to it.
    const otherSupplier = await sign({ ...claims, supplierId: c.suppliers[1].id });
    expect((await f.http().get(`/api/v1/review-links/${otherSupplier}`)).status).toBe(403);
  });

  it('#12.3: only the canonical encoding opens the review: the 3 other spellings of the last signature character are 401', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const mac = token.split('.')[2];
    const siblings = [...alphabet].filter((ch) => ch !== mac.at(-1) && Buffer.from(mac.slice(0, -1) + ch, 'base64url').equals(Buffer.from(mac, 'base64url')));
    expect(siblings).toHaveLength(3);
    for (const ch of siblings) {
      const res = await f.http().get(`/api/v1/review-links/${token.slice(0, -1)}${ch}`);
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toContain(reviewId);
    }
  });

  it('#11.4: supplier HR sees neither discussion, challenges nor actions (GET /reviews, GET /reviews/:id, the form); it sees the note to the supplier', async () => {
    const form = await f.http().get(`/api/v1/review-links/${token}`).expect(200);
    expect(form.body).not.toHaveProperty('discussion');
    const answers = placements.map((placementId) => ({ placementId, stillEmployed: true, weeklyHours: placementId === placements[0] ? 10 : 12 }));
    await f.http().post(`/api/v1/review-links/${token}`).send({ placements: answers, note: 'Alt vel' }).expect(200);
    const concluded = await f.http().post(`/api/v1/reviews/${reviewId}/conclude`).set(bearer(c.unit.employment.token))
      .send({ ...INTERNAL, noteToSupplier: NOTE_TO_SUPPLIER }).expect(200);
    // The unit sees its own notes, and what it told the supplier.
    expect(concluded.body).toMatchObject({ ...INTERNAL, noteToSupplier: NOTE_TO_SUPPLIER, state: 'concluded' });
    const unitView = await f.http().get(`/api/v1/reviews/${reviewId}`).set(bearer(c.unit.procurement.token)).expect(200);
    expect(unitView.body).toMatchObject(INTERNAL);

    const hr = bearer(c.hr[0].token);
    const seen = [
      (await f.http().get(`/api/v1/reviews/${reviewId}`).set(hr).expect(200)).body,
      (await f.http().get(`/api/v1/reviews/${reviewId}/confirmation`).set(hr).expect(200)).body,
      ...(await f.http().get('/api/v1/reviews?period=2025-03').set(hr).expect(200)).body.items,
    ];
    expect(seen).toHaveLength(3);
    for (const review of seen) {
      expect(review).toMatchObject({ id: reviewId, noteToSupplier: NOTE_TO_SUPPLIER, supplierNote: 'Alt vel', state: 'concluded' });
      for (const key of ['discussion', 'challenges', 'actions']) expect(review).not.toHaveProperty(key);
      expect(JSON.stringify(review)).not.toContain('Intern');
      expect(JSON.stringify(review)).not.toContain('request_replacement');
    }
    // Nor in the review's history: of the conclusion, the supplier reads only the note meant for it.
    const history = (await f.http().get(`/api/v1/reviews/${reviewId}/history`).set(hr).expect(200)).body.items;
    expect(history.find((row: { event: string }) => row.event === 'conclude').input).toEqual({ noteToSupplier: NOTE_TO_SUPPLIER });
    expect(JSON.stringify(history)).not.toContain('Intern');
  });

  it('#11.4: once the unit has concluded the review, the link answers 410 with a clear message (view, confirmation and correction)', async () => {
    const answers = placements.map((placementId) => ({ placementId, stillEmployed: true, weeklyHours: 10 }));
    const before = await f.contracts.counts(TABLES);
    for (const res of [
      await f.http().get(`/api/v1/review-links/${token}`),
      await f.http().post(`/api/v1/review-links/${token}`).send({ placements: answers }),
      await f.http().post(`/api/v1/review-links/${token}/correction`).send({ placements: answers }),
    ]) {
      expect(res.status).toBe(410);
      expect(res.body).toMatchObject({ statusCode: 410, code: 'REVIEW_CONCLUDED' });
      expect(res.body.message).toContain('concluded');
      expect(JSON.stringify(res.body)).not.toContain('Intern');
    }
    expect(await f.contracts.counts(TABLES)).toEqual(before);
  });

  it('#11.14: POST /reviews/runs accepts only a month that has ended: the current and future months are a 400 naming period, and nothing is written', async () => {
    const before = await f.contracts.counts(TABLES);
    for (const period of ['2025-04', '2025-05', '2027-01', '2028-12']) {
      const res = await f.http().post('/api/v1/reviews/runs').set(bearer(c.unit.admin.token)).send({ period });
      expect({ period, status: res.status }).toEqual({ period, status: 400 });
      expect(res.body.message).toContain('period');
      expect(res.body.details).toEqual({ fields: ['period'] });
    }
    expect(await f.contracts.counts(TABLES)).toEqual(before);
    expect(f.requestsTo(c.hr[0].user.email, '2025-04')).toHaveLength(0);
    // The month that has just ended in Copenhagen can be run, even while it is still its last day in UTC.
    clock.set(new Date('2025-04-30T22:30:00Z'));
    try {
      await f.http().post('/api/v1/reviews/runs').set(bearer(c.unit.admin.token)).send({ period: '2025-04' }).expect(200);
    } finally {
      clock.set(new Date('2025-04-01T06:00:00Z'));
    }
  });
});
