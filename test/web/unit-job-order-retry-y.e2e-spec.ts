import { ContractsFactory, type SignedIn, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';
import { eventually } from '../support/test-runtime';
import { mainText, WebAgent } from '../support/web-agent';

/**
 * "Send again" of a job description whose dispatch failed: offered and done only while the
 * jobcenter searches (forwarded, shortlist sent), at the version the person saw. A cancelled
 * or closed description never reaches the jobcenter, whether by the page, a forged post,
 * REST, or a dispatch already queued.
 */
describe('a failed dispatch of a job description, sent again only while it is forwarded', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });
  let factory: ContractsFactory;
  const query = <T>(sql: string, params: unknown[] = []) => factory.identity.query<T>(sql, params);
  const rest = (token: string) => ({
    post: (path: string, body: object = {}) => api.http().post(`/api/v1${path}`).set(bearer(token)).send(body),
  });
  const messagesOf = async (id: string) => (await query<{ n: number }>('SELECT count(*)::int AS n FROM message WHERE related_id = $1', [id]))[0].n;
  const orderOf = async (id: string) => (await query<{ state: string; version: number; delivery_status: string }>('SELECT state, version, delivery_status FROM job_order WHERE id = $1', [id]))[0];

  /** A unit without a jobcenter channel, so a forward's dispatch fails for good. */
  async function failedDispatch(): Promise<{ unit: Unit; hr: SignedIn; id: string; procurement: WebAgent }> {
    const unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    const [{ id: contract }] = await query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
    const id = (await rest(hr.token).post(`/contracts/${contract}/job-orders`, jobOrderBody()).expect(201)).body.id;
    await rest(hr.token).post(`/job-orders/${id}/submit`).expect(200);
    await rest(unit.procurement.token).post(`/job-orders/${id}/forward`).expect(200);
    await eventually(async () => ((await orderOf(id)).delivery_status === 'failed' ? true : undefined));
    const procurement = new WebAgent(api.app);
    await procurement.signIn(unit.procurement.user.email);
    return { unit, hr, id, procurement };
  }

  beforeAll(() => {
    factory = new ContractsFactory(api.app);
  });

  it('after a cancel: no button on the page, a forged post is refused on the page (422) and REST (422), and nothing is sent', async () => {
    const { unit, id, procurement } = await failedDispatch();
    const failed = await procurement.get(`/unit/job-orders/${id}`).expect(200);
    expect(failed.text).toContain(`action="/unit/job-orders/${id}/retry"`);
    const version = String((await orderOf(id)).version);
    await rest(unit.procurement.token).post(`/job-orders/${id}/cancel`, { expectedVersion: Number(version) }).expect(200);
    // A channel now, so a retry that got through would really send the description.
    await rest(unit.admin.token).post('/jobcenter-channels', { kind: 'email', name: 'Nyt jobcenter', address: 'nyt@jobcenter.example.dk' }).expect(201);

    const cancelled = await procurement.get(`/unit/job-orders/${id}`).expect(200);
    expect(cancelled.text).not.toContain(`action="/unit/job-orders/${id}/retry"`);
    expect(mainText(cancelled.text)).not.toContain('Send igen');

    const forged = await procurement.submit(`/unit/job-orders/${id}`, {}, `/unit/job-orders/${id}/retry`);
    expect(forged.status).toBe(422);
    expect(mainText(forged.text)).toContain('sendes kun igen, mens jobcentret søger kandidater');
    expect(forged.text).toContain('href="#actions"');

    const byRest = await rest(unit.procurement.token).post(`/job-orders/${id}/retry`).expect(422);
    expect(byRest.body.code).toBe('GUARD_FAILED');
    expect(byRest.body.message).toContain('cancelled');

    expect(await orderOf(id)).toMatchObject({ state: 'cancelled', delivery_status: 'failed' });
    const [outbox] = await query<{ failed: boolean }>("SELECT failed_at IS NOT NULL AS failed FROM outbox WHERE entity_id = $1 AND job_name = 'dispatch-job-description'", [id]);
    expect(outbox.failed).toBe(true);
    // Give a wrongly queued dispatch time to run, then check that none did.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await messagesOf(id)).toBe(0);
  });

  it('a stale version is refused (409) on the page and by REST; the current one sends it again', async () => {
    const { unit, id, procurement } = await failedDispatch();
    await rest(unit.admin.token).post('/jobcenter-channels', { kind: 'email', name: 'Jobcenter', address: 'igen@jobcenter.example.dk' }).expect(201);
    const { version } = await orderOf(id);
    const stalePage = await procurement.submit(`/unit/job-orders/${id}`, { expectedVersion: String(version - 1) }, `/unit/job-orders/${id}/retry`);
    expect(stalePage.status).toBe(409);
    const staleRest = await rest(unit.procurement.token).post(`/job-orders/${id}/retry`, { expectedVersion: version - 1 }).expect(409);
    expect(staleRest.body.code).toBe('CONFLICT');
    expect(await messagesOf(id)).toBe(0);

    const retried = await procurement.submit(`/unit/job-orders/${id}`, { expectedVersion: String(version) }, `/unit/job-orders/${id}/retry`);
    expect([retried.status, retried.headers.location]).toEqual([303, `/unit/job-orders/${id}?saved=retried`]);
    const sent = await eventually(async () => (await query<{ recipient: string }>(`SELECT recipient FROM message WHERE related_id = $1 AND template = 'job-description'`, [id]))[0]);
    expect(sent.recipient).toBe('igen@jobcenter.example.dk');
  });

  it('a dispatch already queued when the description is closed sends nothing', async () => {
    const { unit, id } = await failedDispatch();
    await rest(unit.admin.token).post('/jobcenter-channels', { kind: 'email', name: 'Jobcenter', address: 'lukket@jobcenter.example.dk' }).expect(201);
    await rest(unit.procurement.token).post(`/job-orders/${id}/close`).expect(200);
    // The dispatch put back in line as a retry from before the close would have left it.
    await query(
      `UPDATE outbox SET failed_at = NULL, relayed_at = NULL, round = round + 1
        WHERE entity_id = $1 AND job_name = 'dispatch-job-description' AND failed_at IS NOT NULL`,
      [id],
    );
    await eventually(async () => {
      const [row] = await query<{ done: boolean }>("SELECT completed_at IS NOT NULL AS done FROM outbox WHERE entity_id = $1 AND job_name = 'dispatch-job-description'", [id]);
      return row.done ? true : undefined;
    });
    expect(await messagesOf(id)).toBe(0);
    expect((await orderOf(id)).state).toBe('closed');
  });
});
