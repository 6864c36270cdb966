import { AccessLogService } from '@klausul/identity';
import { bearer, IdentityFactory, type TestUser } from '../support/identity.factory';
import { listReader } from '../support/list-pages';
import { useTestApi } from '../support/test-api';

describe('admin lists: users, API keys and the access log', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let identity: IdentityFactory;
  let admin: TestUser;
  let token: string;
  let supplierId: string;
  const users: Record<'caseworker' | 'former' | 'hr', TestUser> = {} as never;

  const { read, onePerPage: rowsOnePerPage, refused } = listReader(api, () => token);

  /** Follows nextCursor at one row a page; returns what `key` of each row was, in order. */
  const onePerPage = async (path: string, query: Record<string, string> = {}, key = 'id') =>
    (await rowsOnePerPage(path, query, 30)).map((item) => String(item[key]));

  /** The refusals every list shares, each a 400 whose message names the parameter. */
  async function refusesBadPaging(path: string) {
    const expect400 = (query: Record<string, string | number>, parameter: string) => refused(path, query, parameter);
    await expect400({ limit: 201 }, 'limit');
    await expect400({ sort: 'nonsense' }, 'sort');
    await expect400({ colour: 'red' }, 'colour');
    const { nextCursor } = await read(path, { limit: 1 });
    expect(nextCursor).toEqual(expect.any(String));
    await expect400({ cursor: `${nextCursor!.slice(0, -2)}zz` }, 'cursor');
    await expect400({ cursor: 'not a cursor' }, 'cursor');
  }

  beforeAll(async () => {
    identity = new IdentityFactory(api.app);
    ({ user: admin, token } = await identity.signedIn({ role: 'admin' }));
    const municipalityId = admin.municipalityId;
    supplierId = await identity.supplier(municipalityId);
    // E-mails in the order they sort, after the admin's (admin-...).
    users.caseworker = await identity.user({ municipalityId, role: 'employment_caseworker', email: 'carl@example.test' });
    users.former = await identity.user({ municipalityId, role: 'employment_caseworker', email: 'bente@example.test', active: false });
    users.hr = await identity.user({ municipalityId, role: 'supplier_hr', supplierId, email: 'dorte@example.test' });
    await identity.user({ role: 'employment_caseworker' }); // another municipality's
  });

  describe('GET /api/v1/users', () => {
    it('pages by e-mail by default, one row a page without repeats or gaps', async () => {
      const byEmail = [admin.id, users.former.id, users.caseworker.id, users.hr.id];
      expect(await onePerPage('/api/v1/users')).toEqual(byEmail);
      expect((await read('/api/v1/users')).items.map((u) => u.id)).toEqual(byEmail);
    });

    it('sorts by createdAt either way', async () => {
      const inserted = [admin, users.caseworker, users.former, users.hr].map((u) => u.id);
      expect(await onePerPage('/api/v1/users', { sort: 'createdAt' })).toEqual(inserted);
      expect(await onePerPage('/api/v1/users', { sort: '-createdAt' })).toEqual([...inserted].reverse());
    });

    it('filters by role, supplier and whether the user is active', async () => {
      const ids = async (query: Record<string, string>) => (await read('/api/v1/users', query)).items.map((u) => u.id);
      expect(await ids({ role: 'employment_caseworker' })).toEqual([users.former.id, users.caseworker.id]);
      expect(await ids({ supplierId })).toEqual([users.hr.id]);
      expect(await ids({ active: 'false' })).toEqual([users.former.id]);
      expect(await ids({ active: 'true', role: 'employment_caseworker' })).toEqual([users.caseworker.id]);
      expect(await onePerPage('/api/v1/users', { active: 'true', sort: '-email' })).toEqual([users.hr.id, users.caseworker.id, admin.id]);
    });

    it('refuses bad filters and paging with a 400 naming the parameter', async () => {
      for (const [query, parameter] of [
        [{ role: 'mayor' }, 'role'],
        [{ supplierId: 'nope' }, 'supplierId'],
        [{ active: 'yes' }, 'active'],
      ] as const) {
        const res = await api.http().get('/api/v1/users').query(query).set(bearer(token)).expect(400);
        expect(res.body.message).toContain(parameter);
      }
      await refusesBadPaging('/api/v1/users');
    });
  });

  describe('GET /api/v1/api-keys', () => {
    it('pages newest first, one row a page without repeats or gaps', async () => {
      for (const name of ['first', 'second', 'third']) await identity.apiKey({ municipalityId: admin.municipalityId, name });
      expect(await onePerPage('/api/v1/api-keys', {}, 'name')).toEqual(['third', 'second', 'first']);
      await refusesBadPaging('/api/v1/api-keys');
    });
  });

  describe('GET /api/v1/audit/access-log', () => {
    it('pages newest first, and keeps its before filter', async () => {
      const accessLog = api.app.get(AccessLogService);
      for (const subjectId of ['l-1', 'l-2', 'l-3', 'l-4']) {
        await accessLog.record(users.caseworker.actor, { action: 'read', subjectType: 'candidate', subjectId });
      }
      const all = await read('/api/v1/audit/access-log');
      expect(all.items.map((e) => e.subjectId)).toEqual(['l-4', 'l-3', 'l-2', 'l-1']);
      expect(await onePerPage('/api/v1/audit/access-log', {}, 'subjectId')).toEqual(['l-4', 'l-3', 'l-2', 'l-1']);
      const older = all.items[1].id as string;
      expect(await onePerPage('/api/v1/audit/access-log', { before: older }, 'subjectId')).toEqual(['l-2', 'l-1']);
      await refusesBadPaging('/api/v1/audit/access-log');
    });
  });
});
