import { ContractsFactory, screeningBody, type TestSupplier, tenderBody, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { listReader } from '../support/list-pages';
import { useTestApi } from '../support/test-api';

describe('tender and supplier lists: paging, filters and sorts', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let factory: ContractsFactory;
  let unit: Unit;
  let token: string;

  const { read, onePerPage: rowsOnePerPage, refused } = listReader(api, () => token);
  const ids = async (path: string, query: Record<string, string> = {}) => (await read(path, { limit: 200, ...query })).items.map((row) => row.id as string);

  /** Every id, following nextCursor at one row a page. */
  const onePerPage = async (path: string, query: Record<string, string> = {}) => (await rowsOnePerPage(path, query, 30)).map((row) => row.id as string);


  /** The refusals every list shares, each a 400 whose message names the parameter. */
  async function refusesBadPaging(path: string, sort: string) {
    await refused(path, { limit: 201 }, 'limit');
    await refused(path, { sort: 'nonsense' }, 'sort');
    await refused(path, { colour: 'red' }, 'colour');
    const { nextCursor } = await read(path, { limit: 1 });
    expect(nextCursor).toEqual(expect.any(String));
    await refused(path, { cursor: `${nextCursor!.slice(0, -2)}zz` }, 'cursor');
    await refused(path, { cursor: 'not a cursor' }, 'cursor');
    // A cursor belongs to the sort it was made in.
    await refused(path, { cursor: nextCursor!, sort }, 'cursor');
  }

  beforeAll(async () => {
    factory = new ContractsFactory(api.app);
    unit = await factory.unit();
    token = unit.procurement.token;
    await factory.unit(); // another municipality, whose rows no list shows
  });

  describe('GET /api/v1/tenders', () => {
    let tenders: string[];

    beforeAll(async () => {
      tenders = [];
      for (const lots of [1, 2, 3]) {
        const body = tenderBody({ lots: Array.from({ length: lots }, (_, i) => ({ number: i + 1, title: `Delaftale ${i + 1}` })) });
        tenders.push((await api.http().post('/api/v1/tenders').set(bearer(token)).send(body).expect(201)).body.id);
      }
      await api.http().post(`/api/v1/tenders/${tenders[1]}/screening`).set(bearer(token)).send(screeningBody()).expect(200);
    });

    it('pages newest first by default, one row a page without repeats or gaps, with each lot count', async () => {
      const newestFirst = [...tenders].reverse();
      expect(await onePerPage('/api/v1/tenders')).toEqual(newestFirst);
      expect((await read('/api/v1/tenders')).items.map((t) => [t.id, t.lotCount])).toEqual(newestFirst.map((id) => [id, tenders.indexOf(id) + 1]));
      expect(await onePerPage('/api/v1/tenders', { sort: 'createdAt' })).toEqual(tenders);
    });

    it("filters by the tender workflow's state", async () => {
      expect(await ids('/api/v1/tenders', { state: 'screening' })).toEqual([tenders[1]]);
      expect(await onePerPage('/api/v1/tenders', { state: 'identified' })).toEqual([tenders[2], tenders[0]]);
      expect(await ids('/api/v1/tenders', { state: 'awarded' })).toEqual([]);
    });

    it('refuses an unknown state and bad paging with a 400 naming the parameter', async () => {
      await refused('/api/v1/tenders', { state: 'draft' }, 'state');
      await refusesBadPaging('/api/v1/tenders', 'createdAt');
    });
  });

  describe('GET /api/v1/suppliers', () => {
    let s: Record<'rsv' | 'bus' | 'clean' | 'percent', TestSupplier>;

    beforeAll(async () => {
      const m = unit.municipalityId;
      s = {
        bus: await factory.supplier(m, { name: 'Bybusser ApS' }),
        rsv: await factory.supplier(m, { name: 'FlexVirk', rsv: true }),
        clean: await factory.supplier(m, { name: 'Altid Rent A/S' }),
        percent: await factory.supplier(m, { name: 'Bedst 100% Service' }),
      };
    });

    it('pages by name by default, one row a page without repeats or gaps, with the HR contacts', async () => {
      const byName = [s.clean.id, s.percent.id, s.bus.id, s.rsv.id];
      expect(await onePerPage('/api/v1/suppliers')).toEqual(byName);
      expect(await onePerPage('/api/v1/suppliers', { sort: '-name' })).toEqual([...byName].reverse());
      expect(await onePerPage('/api/v1/suppliers', { sort: 'createdAt' })).toEqual([s.bus.id, s.rsv.id, s.clean.id, s.percent.id]);
      const hr = await factory.supplierHr(unit.municipalityId, s.rsv.id);
      const rsv = (await read('/api/v1/suppliers')).items.find((row) => row.id === s.rsv.id)!;
      expect(rsv.hrContacts).toEqual([expect.objectContaining({ id: hr.user.id })]);
    });

    it('filters by the RSV flag and by the start of the name or the CVR number', async () => {
      expect(await ids('/api/v1/suppliers', { rsv: 'true' })).toEqual([s.rsv.id]);
      expect(await onePerPage('/api/v1/suppliers', { rsv: 'false' })).toEqual([s.clean.id, s.percent.id, s.bus.id]);
      expect(await ids('/api/v1/suppliers', { q: 'b' })).toEqual([s.percent.id, s.bus.id]);
      expect(await ids('/api/v1/suppliers', { q: ' BYBUS ' })).toEqual([s.bus.id]);
      expect(await ids('/api/v1/suppliers', { q: s.clean.cvr.slice(0, 8) })).toEqual([s.clean.id]);
      expect(await ids('/api/v1/suppliers', { q: 'Bedst 100%' })).toEqual([s.percent.id]);
      // LIKE's wildcards in the search are plain characters.
      expect(await ids('/api/v1/suppliers', { q: '%' })).toEqual([]);
      expect(await ids('/api/v1/suppliers', { q: 'B_' })).toEqual([]);
      expect(await ids('/api/v1/suppliers', { q: '' })).toHaveLength(4);
      expect(await ids('/api/v1/suppliers', { q: 'flex', rsv: 'false' })).toEqual([]);
    });

    it('refuses bad filters and paging with a 400 naming the parameter', async () => {
      await refused('/api/v1/suppliers', { rsv: 'yes' }, 'rsv');
      await refused('/api/v1/suppliers', { q: 'x'.repeat(101) }, 'q');
      await refused('/api/v1/suppliers', { q: 'a\u0000b' }, 'q');
      await refusesBadPaging('/api/v1/suppliers', '-name');
    });
  });
});
