import { AccessLogService } from '@klausul/identity';
import { bearer, IdentityFactory, type TestUser } from '../support/identity.factory';
import { listReader } from '../support/list-pages';
import { useTestApi } from '../support/test-api';

describe('the audit trail and an entity history, paged', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let identity: IdentityFactory;
  let admin: TestUser;
  let token: string;

  const { read, onePerPage, refused } = listReader(api, () => token);

  /** The refusals every list shares, each a 400 whose message names the parameter. */
  async function refusesBadPaging(path: string) {
    await refused(path, { limit: 201 }, 'limit');
    await refused(path, { sort: 'nonsense' }, 'sort');
    await refused(path, { colour: 'red' }, 'colour');
    const { nextCursor } = await read(path, { limit: 1 });
    expect(nextCursor).toEqual(expect.any(String));
    await refused(path, { cursor: `${nextCursor!.slice(0, -2)}zz` }, 'cursor');
    await refused(path, { cursor: 'not a cursor' }, 'cursor');
  }

  const probe = async (events: string[]): Promise<string> => {
    const { body } = await api.http().post('/api/v1/probes').set(bearer(token)).send({}).expect(201);
    for (const event of events) await api.http().post(`/api/v1/probes/${body.id}/events/${event}`).set(bearer(token)).send({}).expect(200);
    return body.id;
  };

  beforeAll(async () => {
    identity = new IdentityFactory(api.app);
    ({ user: admin, token } = await identity.signedIn({ role: 'admin' }));
  });

  describe('GET /api/v1/:resource/:id/history', () => {
    it('pages oldest first, one row a page without repeats or gaps', async () => {
      const id = await probe(['ping', 'reset', 'ping']);
      const rows = await onePerPage(`/api/v1/probes/${id}/history`);
      expect(rows.map((h) => [h.event, h.version])).toEqual([['create', 1], ['ping', 2], ['reset', 3], ['ping', 4]]);
      expect((await read(`/api/v1/probes/${id}/history`)).items).toEqual(rows);
      await refusesBadPaging(`/api/v1/probes/${id}/history`);
    });

    it("refuses one entity's cursor on another's history", async () => {
      const [first, second] = [await probe(['ping']), await probe(['ping'])];
      const { nextCursor } = await read(`/api/v1/probes/${first}/history`, { limit: 1 });
      await refused(`/api/v1/probes/${second}/history`, { cursor: nextCursor! }, 'cursor');
    });
  });

  describe('GET /api/v1/audit', () => {
    it('pages newest first through changes and reads, also where several happened at the same instant', async () => {
      const { user } = await identity.signedIn({ role: 'admin' });
      token = (await identity.signedIn({ role: 'admin', municipalityId: user.municipalityId })).token;
      const id = await probe(['ping']);
      await api.app.get(AccessLogService).record(user.actor, { action: 'read-cv', subjectType: 'candidate', subjectId: 'c-1' });
      // Two changes and two reads at one instant, an hour ago: ties the order breaks by kind, then id.
      const at = new Date(Date.now() - 3_600_000);
      for (const event of ['tie-change-1', 'tie-change-2']) {
        await identity.query(
          `INSERT INTO workflow_transition (municipality_id, workflow, entity_id, event, from_state, to_state, version, actor_role, at)
           VALUES ($1, 'probe', $2, $3, 'open', 'open', 9, 'admin', $4)`,
          [user.municipalityId, id, event, at],
        );
      }
      for (const action of ['tie-read-1', 'tie-read-2']) {
        await identity.query(`INSERT INTO access_log (municipality_id, action, subject_type, subject_id, at) VALUES ($1, $2, 'candidate', 'c-2', $3)`, [
          user.municipalityId,
          action,
          at,
        ]);
      }

      const newestFirst = ['read-cv', 'ping', 'create', 'tie-read-2', 'tie-read-1', 'tie-change-2', 'tie-change-1'];
      const all = await read('/api/v1/audit');
      expect(all.items.map((e) => e.action)).toEqual(newestFirst);
      expect(all.nextCursor).toBeNull();
      expect(await onePerPage('/api/v1/audit')).toEqual(all.items);
      // A page that ends inside the tie goes on with the rest of it.
      const inside = await read('/api/v1/audit', { limit: 4 });
      expect((await read('/api/v1/audit', { limit: 200, cursor: inside.nextCursor! })).items).toEqual(all.items.slice(4));

      // The before filter still narrows, and pages with it.
      const before = all.items[2].at as string;
      expect((await onePerPage('/api/v1/audit', { before })).map((e) => e.action)).toEqual(newestFirst.slice(3));
      await refusesBadPaging('/api/v1/audit');
      await refused('/api/v1/audit', { before: 'yesterday' }, 'before');
    });
  });
});
