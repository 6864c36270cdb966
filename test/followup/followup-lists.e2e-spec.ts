import { FollowupFactory, type FollowupCase } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

interface Listed {
  id: string;
}

describe('follow-up lists: reviews, upskilling programmes and participants, a page at a time', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let f: FollowupFactory;
  let c: FollowupCase;
  let placement: string;

  const get = (path: string, token = c.unit.procurement.token) => api.http().get(path).set(bearer(token));

  /** Follows nextCursor with limit=1 and returns the ids in the order the pages gave them. */
  async function pageThrough(path: string, token?: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    const separator = path.includes('?') ? '&' : '?';
    do {
      const res: { body: { items: Listed[]; nextCursor: string | null } } = await get(`${path}${separator}limit=1${cursor ? `&cursor=${cursor}` : ''}`, token).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      ids.push(...res.body.items.map((item: Listed) => item.id));
      cursor = res.body.nextCursor;
    } while (cursor && ids.length < 50);
    return ids;
  }

  /** Expects a 400 whose message names the parameter. */
  async function refused(path: string, parameter: string, token?: string): Promise<void> {
    const res = await get(path, token);
    expect({ status: res.status, names: String(res.body.message).includes(parameter) }).toEqual({ status: 400, names: true });
  }

  /** A real cursor with its id changed: no longer one of ours. */
  const tampered = (cursor: string) => {
    const [sort, value] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Buffer.from(JSON.stringify([sort, value, 'not-an-id'])).toString('base64url');
  };

  beforeAll(async () => {
    f = new FollowupFactory(api.app);
    c = await f.case();
    placement = await f.contracts.placement(c.contracts[0], { startDate: '2025-01-01', weeklyHours: 10 });
    for (const period of ['2025-01', '2025-02', '2025-03']) await f.run(c.unit, period);
    // The second supplier, with no placements, confirms March: that review is submitted, the others wait.
    const march = await f.reviewOf(c.contracts[1], '2025-03');
    await api.http().post(`/api/v1/reviews/${march.id}/confirmation`).set(bearer(c.hr[1].token)).send({ placements: [] }).expect(200);
  });

  describe('GET /api/v1/reviews', () => {
    it('filters by period, state, supplier and contract, newest period first, with each review placement checks', async () => {
      const march = await get('/api/v1/reviews?period=2025-03').expect(200);
      expect(march.body.nextCursor).toBeNull();
      expect(march.body.items.map((r: { contractId: string }) => r.contractId).sort()).toEqual([...c.contracts].sort());
      const withPlacement = march.body.items.find((r: { contractId: string }) => r.contractId === c.contracts[0]);
      expect(withPlacement.placements).toEqual([expect.objectContaining({ placementId: placement, previousWeeklyHours: 10, stillEmployed: null })]);

      const submitted = await get('/api/v1/reviews?state=submitted').expect(200);
      expect(submitted.body.items.map((r: { contractId: string; period: string }) => `${r.contractId}:${r.period}`)).toEqual([`${c.contracts[1]}:2025-03`]);

      const ofContract = await get(`/api/v1/reviews?contractId=${c.contracts[0]}`).expect(200);
      expect(ofContract.body.items.map((r: { period: string }) => r.period)).toEqual(['2025-03', '2025-02', '2025-01']);

      const ofSupplier = await get(`/api/v1/reviews?supplierId=${c.suppliers[1].id}&state=awaiting_supplier`).expect(200);
      expect(ofSupplier.body.items.map((r: { supplierId: string; period: string }) => `${r.supplierId}:${r.period}`)).toEqual([
        `${c.suppliers[1].id}:2025-02`,
        `${c.suppliers[1].id}:2025-01`,
      ]);
    });

    it("shows a supplier HR contact its own supplier's reviews only; a filter narrows, never widens", async () => {
      const own = await get('/api/v1/reviews', c.hr[0].token).expect(200);
      expect(own.body.items).toHaveLength(3);
      expect(own.body.items.every((r: { supplierId: string }) => r.supplierId === c.suppliers[0].id)).toBe(true);
      expect((await get(`/api/v1/reviews?supplierId=${c.suppliers[1].id}`, c.hr[0].token).expect(200)).body.items).toEqual([]);
      expect((await get(`/api/v1/reviews?contractId=${c.contracts[1]}`, c.hr[0].token).expect(200)).body.items).toEqual([]);
    });

    it('pages through every review with limit=1, in each sort, without repeats or gaps', async () => {
      for (const sort of ['', 'period', '-period', 'createdAt', '-createdAt']) {
        const path = `/api/v1/reviews${sort ? `?sort=${sort}` : ''}`;
        const whole = (await get(`${path}${sort ? '&' : '?'}limit=200`).expect(200)).body.items.map((r: Listed) => r.id);
        expect(whole).toHaveLength(6);
        expect(await pageThrough(path)).toEqual(whole);
      }
      expect(await pageThrough('/api/v1/reviews?period=2025-02', c.hr[1].token)).toHaveLength(1);
    });

    it('refuses a limit over 200, an unknown sort or filter, a malformed filter and a tampered cursor with a 400 naming it', async () => {
      await refused('/api/v1/reviews?limit=201', 'limit');
      await refused('/api/v1/reviews?sort=nonsense', 'sort');
      await refused('/api/v1/reviews?nonsense=1', 'nonsense');
      await refused('/api/v1/reviews?period=2025-13', 'period');
      await refused('/api/v1/reviews?state=open', 'state');
      await refused('/api/v1/reviews?supplierId=42', 'supplierId');
      const cursor = (await get('/api/v1/reviews?limit=1').expect(200)).body.nextCursor;
      await refused(`/api/v1/reviews?limit=1&cursor=${tampered(cursor)}`, 'cursor');
      await refused(`/api/v1/reviews?limit=1&sort=createdAt&cursor=${cursor}`, 'cursor');
    });

    it('exports a month as CSV only with a period', async () => {
      await refused('/api/v1/reviews.csv', 'period');
      const csv = await get('/api/v1/reviews.csv?period=2025-03').expect(200);
      expect(csv.text.trim().split('\r\n')).toHaveLength(3);
    });
  });

  describe('GET /api/v1/upskilling/programmes and /:id/participants', () => {
    const programme = async (name: string, capacity = 5) =>
      (await api.http().post('/api/v1/upskilling/programmes').set(bearer(c.unit.employment.token)).send({ name, capacity, maxDurationMonths: 18 }).expect(201)).body;
    const enrol = async (programmeId: string, name: string, startDate: string) =>
      (await api.http().post(`/api/v1/upskilling/programmes/${programmeId}/participants`).set(bearer(c.unit.employment.token)).send({ name, startDate }).expect(201)).body;

    let programmes: { id: string }[];
    let participants: { id: string }[];

    beforeAll(async () => {
      programmes = [await programme('Rengøring'), await programme('Køkken'), await programme('Lager')];
      const p = programmes[0].id;
      participants = [await enrol(p, 'Deltager A', '2025-03-03'), await enrol(p, 'Deltager B', '2025-01-06'), await enrol(p, 'Deltager C', '2025-02-03')];
      await api.http().post(`/api/v1/upskilling/participants/${participants[2].id}/drop-out`).set(bearer(c.unit.employment.token)).send({ endDate: '2025-04-01' }).expect(200);
    });

    it('pages through the programmes, oldest first by default, without repeats or gaps', async () => {
      expect(await pageThrough('/api/v1/upskilling/programmes')).toEqual(programmes.map((p) => p.id));
      expect(await pageThrough('/api/v1/upskilling/programmes?sort=-createdAt')).toEqual(programmes.map((p) => p.id).reverse());
      const detail = (await get(`/api/v1/upskilling/programmes/${programmes[0].id}`).expect(200)).body;
      expect(detail).toMatchObject({ id: programmes[0].id, enrolled: 2, placesLeft: 3 });
      expect(detail.participants).toBeUndefined();
    });

    it("pages through a programme's participants by start date, filtered by state", async () => {
      const [a, b, dropped] = participants.map((x) => x.id);
      const path = `/api/v1/upskilling/programmes/${programmes[0].id}/participants`;
      expect(await pageThrough(path)).toEqual([b, dropped, a]);
      expect(await pageThrough(`${path}?sort=-startDate`)).toEqual([a, dropped, b]);
      expect(await pageThrough(`${path}?sort=plannedEndDate&state=enrolled`)).toEqual([b, a]);
      const reads = async () =>
        (await f.contracts.identity.query<{ n: number }>("SELECT count(*)::int AS n FROM access_log WHERE action = 'read-upskilling-participant' AND subject_id = ANY($1::text[])", [[a, b, dropped]]))[0].n;
      const before = await reads();
      const droppedOut = await get(`${path}?state=dropped_out`).expect(200);
      expect(droppedOut.body).toEqual({ items: [expect.objectContaining({ id: dropped, name: 'Deltager C', state: 'dropped_out' })], nextCursor: null });
      // Each participant shown is in the access log, and only those.
      expect(await reads()).toBe(before + 1);
      expect((await get(`/api/v1/upskilling/programmes/${programmes[1].id}/participants`).expect(200)).body).toEqual({ items: [], nextCursor: null });
    });

    it('refuses a limit over 200, an unknown sort or filter and a tampered cursor with a 400 naming it', async () => {
      const path = `/api/v1/upskilling/programmes/${programmes[0].id}/participants`;
      for (const list of ['/api/v1/upskilling/programmes', path]) {
        await refused(`${list}?limit=201`, 'limit');
        await refused(`${list}?sort=nonsense`, 'sort');
        await refused(`${list}?nonsense=1`, 'nonsense');
        const cursor = (await get(`${list}?limit=1`).expect(200)).body.nextCursor;
        await refused(`${list}?limit=1&cursor=${tampered(cursor)}`, 'cursor');
      }
      await refused(`${path}?state=graduated`, 'state');
    });

    it("answers 404 for another municipality's programme's participants", async () => {
      const stranger = await f.contracts.unit();
      await get(`/api/v1/upskilling/programmes/${programmes[0].id}/participants`, stranger.admin.token).expect(404);
      expect((await get('/api/v1/upskilling/programmes', stranger.admin.token).expect(200)).body).toEqual({ items: [], nextCursor: null });
    });
  });
});
