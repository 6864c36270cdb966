import { randomUUID } from 'node:crypto';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

interface LoggedMessage {
  template: string;
  status: 'pending' | 'delivered' | 'failed';
  related?: { type: string; id: string };
  /** Minutes after a fixed start: distinct creation times give the log a known order. */
  minute: number;
}

describe('GET /api/v1/messages, a page at a time', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let token: string;
  let municipalityId: string;
  const contractId = randomUUID();
  const jobOrderId = randomUUID();
  /** The messages' ids, oldest first. */
  let ids: string[];

  const get = (path: string, as = token) => api.http().get(path).set(bearer(as));

  async function pageThrough(path: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    const separator = path.includes('?') ? '&' : '?';
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await get(`${path}${separator}limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.items.map((m: { id: string }) => m.id));
      cursor = res.body.nextCursor;
    } while (cursor && seen.length < 50);
    return seen;
  }

  async function refused(path: string, parameter: string): Promise<void> {
    const res = await get(path);
    expect({ status: res.status, names: String(res.body.message).includes(parameter) }).toEqual({ status: 400, names: true });
  }

  beforeAll(async () => {
    const identity = new IdentityFactory(api.app);
    const signedIn = await identity.signedIn({ role: 'employment_caseworker' });
    token = signedIn.token;
    municipalityId = signedIn.user.municipalityId;
    const messages: LoggedMessage[] = [
      { template: 'supplier-welcome', status: 'delivered', related: { type: 'contract', id: contractId }, minute: 0 },
      { template: 'supplier-welcome', status: 'failed', related: { type: 'contract', id: contractId }, minute: 1 },
      { template: 'job-description', status: 'failed', related: { type: 'job_order', id: jobOrderId }, minute: 2 },
      { template: 'review-request', status: 'pending', minute: 3 },
      { template: 'job-description', status: 'delivered', related: { type: 'job_order', id: jobOrderId }, minute: 4 },
    ];
    ids = [];
    for (const m of messages) {
      const [row] = await identity.query<{ id: string }>(
        `INSERT INTO message (municipality_id, channel, template, recipient, subject, body_text, related_type, related_id, delivery_status, created_at)
         VALUES ($1, 'email', $2, 'hr@example.dk', 'Emne', 'Tekst', $3, $4, $5, timestamptz '2025-03-01T08:00:00Z' + make_interval(mins => $6))
         RETURNING id`,
        [municipalityId, m.template, m.related?.type ?? null, m.related?.id ?? null, m.status, m.minute],
      );
      ids.push(row.id);
    }
  });

  it('lists newest first and filters by status, template and related entity', async () => {
    const all = await get('/api/v1/messages').expect(200);
    expect(all.body).toEqual({ items: ids.map((id) => expect.objectContaining({ id })).reverse(), nextCursor: null });
    const of = async (query: string) => (await get(`/api/v1/messages?${query}`).expect(200)).body.items.map((m: { id: string }) => m.id);
    expect(await of('status=failed')).toEqual([ids[2], ids[1]]);
    expect(await of('template=supplier-welcome')).toEqual([ids[1], ids[0]]);
    expect(await of('status=failed&template=job-description')).toEqual([ids[2]]);
    expect(await of('relatedType=job_order')).toEqual([ids[4], ids[2]]);
    expect(await of(`relatedId=${contractId}`)).toEqual([ids[1], ids[0]]);
    expect(await of(`relatedType=job_order&relatedId=${contractId}`)).toEqual([]);
  });

  it('pages through with limit=1 in both directions without repeats or gaps', async () => {
    expect(await pageThrough('/api/v1/messages')).toEqual([...ids].reverse());
    expect(await pageThrough('/api/v1/messages?sort=createdAt')).toEqual(ids);
    expect(await pageThrough('/api/v1/messages?status=delivered')).toEqual([ids[4], ids[0]]);
  });

  it('refuses a limit over 200, an unknown sort or filter, a malformed filter and a tampered cursor with a 400 naming it', async () => {
    await refused('/api/v1/messages?limit=201', 'limit');
    await refused('/api/v1/messages?sort=nonsense', 'sort');
    await refused(`/api/v1/messages?related=${contractId}`, 'related');
    await refused('/api/v1/messages?status=bounced', 'status');
    await refused('/api/v1/messages?relatedId=42', 'relatedId');
    await refused("/api/v1/messages?template=x'%20OR%201=1", 'template');
    const cursor: string = (await get('/api/v1/messages?limit=1').expect(200)).body.nextCursor;
    const [sort, value] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    await refused(`/api/v1/messages?limit=1&cursor=${Buffer.from(JSON.stringify([sort, value, 'x'])).toString('base64url')}`, 'cursor');
    await refused(`/api/v1/messages?limit=1&sort=createdAt&cursor=${cursor}`, 'cursor');
  });

  it("shows another municipality's caseworker none of them", async () => {
    const stranger = await new IdentityFactory(api.app).signedIn({ role: 'procurement_caseworker' });
    expect((await get(`/api/v1/messages?relatedId=${contractId}`, stranger.token).expect(200)).body).toEqual({ items: [], nextCursor: null });
  });
});
