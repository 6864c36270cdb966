import { ManualClock } from '@klausul/domain';
import { FollowupFactory, type FollowupCase } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';
import { mainText, WebAgent } from '../support/web-agent';

/**
 * Review findings: a conclusion cannot offer a full upskilling programme; a review can only
 * point at its own municipality's programme (composite foreign key); the users admin names
 * an HR contact's supplier however large the supplier register is.
 */
describe('a concluded review offers only a programme with places left; the users admin names every supplier', () => {
  const clock = new ManualClock(new Date('2025-04-01T06:00:00Z'));
  const api = useTestApi('postgres', { RUN_WORKER: 'false' }, clock);
  let f: FollowupFactory;
  let c: FollowupCase;
  let caseworker: WebAgent;
  /** Two submitted reviews of the month (one for the page, one for REST). */
  const reviews: string[] = [];
  let full: string;
  let open: string;

  const q = <T>(sql: string, params: unknown[] = []) => f.contracts.identity.query<T>(sql, params);
  const reviewRow = async (id: string) =>
    (await q<{ state: string; upskilling_programme_id: string | null; version: number }>('SELECT state, upskilling_programme_id, version FROM review WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    f = new FollowupFactory(api.app);
    c = await f.case();
    const http = api.http;
    await f.run(c.unit, '2025-03');
    for (const [i, contract] of c.contracts.entries()) {
      const id = (await f.reviewOf(contract, '2025-03')).id;
      await http().post(`/api/v1/reviews/${id}/confirmation`).set(bearer(c.hr[i].token)).send({ placements: [] }).expect(200);
      reviews.push(id);
    }
    const programme = async (name: string, capacity: number) =>
      (await http().post('/api/v1/upskilling/programmes').set(bearer(c.unit.employment.token)).send({ name, capacity, maxDurationMonths: 6 }).expect(201)).body.id as string;
    full = await programme('Fuldt kørekursus', 1);
    open = await programme('Kørekursus med plads', 2);
    await http().post(`/api/v1/upskilling/programmes/${full}/participants`).set(bearer(c.unit.employment.token)).send({ name: 'Deltager Et', startDate: '2025-04-01' }).expect(201);
    caseworker = new WebAgent(api.app);
    await caseworker.signIn(c.unit.employment.user.email);
  });

  it('the page refuses a full programme on its select, in Danish and English, and changes nothing', async () => {
    const path = `/unit/reviews/${reviews[0]}`;
    const before = await reviewRow(reviews[0]);
    const page = await caseworker.get(path).expect(200);
    expect(page.text).toContain(`value="${open}"`);
    expect(page.text).not.toContain(`value="${full}"`);
    // A select shown before the last place went, or a forged one.
    const fields = { expectedVersion: String(before.version), discussion: 'Drøftet kørekursus', actions: ['offer_upskilling'], upskillingProgrammeId: full };
    const refused = await caseworker.submit(path, fields, `${path}/conclude`);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#upskillingProgrammeId"');
    expect(mainText(refused.text)).toContain('Opkvalificeringsforløbet har ingen ledige pladser');
    expect(await reviewRow(reviews[0])).toEqual(before);

    const english = new WebAgent(api.app);
    await english.signIn(c.unit.employment.user.email);
    await english.get(`/language/en?next=${path}`);
    const inEnglish = await english.submit(path, fields, `${path}/conclude`);
    expect(inEnglish.status).toBe(400);
    expect(inEnglish.text).toContain('href="#upskillingProgrammeId"');
    expect(mainText(inEnglish.text)).toContain('The upskilling programme has no places left');
    expect(await reviewRow(reviews[0])).toEqual(before);

    const concluded = await caseworker.submit(path, { ...fields, upskillingProgrammeId: open }, `${path}/conclude`);
    expect([concluded.status, concluded.headers.location]).toEqual([303, `${path}?saved=concluded`]);
    expect(await reviewRow(reviews[0])).toMatchObject({ state: 'concluded', upskilling_programme_id: open });
  });

  it('REST refuses a full programme with a field error (400) and changes nothing', async () => {
    const before = await reviewRow(reviews[1]);
    const body = { discussion: 'Drøftet kørekursus', actions: ['offer_upskilling'], upskillingProgrammeId: full };
    const refused = await api.http().post(`/api/v1/reviews/${reviews[1]}/conclude`).set(bearer(c.unit.employment.token)).send(body).expect(400);
    expect(refused.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'upskillingProgrammeId', reason: 'programme_full' } });
    expect(refused.body.message).toContain('no places left');
    expect(await reviewRow(reviews[1])).toEqual(before);
    // A place freed (the participant dropped out) makes the programme available again.
    await q("UPDATE upskilling_participant SET state = 'dropped_out', end_date = '2025-04-01' WHERE programme_id = $1", [full]);
    await api.http().post(`/api/v1/reviews/${reviews[1]}/conclude`).set(bearer(c.unit.employment.token)).send(body).expect(200);
    expect(await reviewRow(reviews[1])).toMatchObject({ state: 'concluded', upskilling_programme_id: full });
  });

  it("the database refuses a review that points at another municipality's programme", async () => {
    const other = await f.contracts.unit();
    const foreign = (
      await api.http().post('/api/v1/upskilling/programmes').set(bearer(other.employment.token)).send({ name: 'En anden kommunes forløb', capacity: 3, maxDurationMonths: 6 }).expect(201)
    ).body.id as string;
    await expect(q('UPDATE review SET upskilling_programme_id = $2 WHERE id = $1', [reviews[0], foreign])).rejects.toThrow(/review_upskilling_programme_fkey/);
    expect((await reviewRow(reviews[0])).upskilling_programme_id).toBe(open);
  });

  it('the users admin names the supplier of an HR contact whose supplier is past the first 200 of the register', async () => {
    const unit = await f.contracts.unit();
    // 250 suppliers that sort before the HR contact's own, in one statement.
    await q(
      `INSERT INTO supplier (municipality_id, cvr, name, registered_social_economy)
       SELECT $1, (20000000 + g)::text, 'Aaa Leverandør ' || lpad(g::text, 3, '0'), false FROM generate_series(1, 250) AS g`,
      [unit.municipalityId],
    );
    const [{ id: supplierId }] = await q<{ id: string }>(
      "INSERT INTO supplier (municipality_id, cvr, name, registered_social_economy) VALUES ($1, '39999999', 'Zeta Rutekørsel ApS', false) RETURNING id",
      [unit.municipalityId],
    );
    const hr = await f.contracts.identity.user({ role: 'supplier_hr', municipalityId: unit.municipalityId, supplierId, displayName: 'Hanne Zeta' });
    const admin = new WebAgent(api.app);
    await admin.signIn(unit.admin.user.email);

    const list = await admin.get('/unit/admin/users?role=supplier_hr').expect(200);
    expect(list.text).toContain(`href="/unit/admin/users/${hr.id}"`);
    expect(mainText(list.text)).toContain('Zeta Rutekørsel ApS');

    const page = await admin.get(`/unit/admin/users/${hr.id}`).expect(200);
    expect(page.text).toMatch(new RegExp(`<option[^>]*value="${supplierId}"[^>]*selected`));
    expect(mainText(page.text)).toContain('Zeta Rutekørsel ApS');
    // Saving the page unchanged keeps the supplier.
    const saved = await admin.submit(`/unit/admin/users/${hr.id}`, { displayName: 'Hanne Zeta', role: 'supplier_hr', supplierId });
    expect([saved.status, saved.headers.location]).toEqual([303, `/unit/admin/users/${hr.id}?done=saved`]);
    expect((await q<{ supplier_id: string }>('SELECT supplier_id FROM app_user WHERE id = $1', [hr.id]))[0].supplier_id).toBe(supplierId);
  });
});
