import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ContractsFactory, type SignedIn, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';
import { eventually } from '../support/test-runtime';

describe('forwarding a job description to chosen jobcenter channels (REST channelIds)', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });
  let factory: ContractsFactory;
  let unit: Unit;
  let hr: SignedIn;
  let contract: string;
  let channels: { north: string; south: string; removed: string };
  const http = () => request(api.app.getHttpServer());

  const channel = async (name: string, address: string) =>
    (await http().post('/api/v1/jobcenter-channels').set(bearer(unit.admin.token)).send({ kind: 'email', name, address }).expect(201)).body.id as string;

  /** A job description the supplier has sent to the municipality. */
  async function submitted(): Promise<string> {
    const id = (await http().post(`/api/v1/contracts/${contract}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${id}/submit`).set(bearer(hr.token)).send({}).expect(200);
    return id;
  }

  const recipientsOf = async (jobOrderId: string, expected: number) =>
    eventually(async () => {
      const rows = await factory.identity.query<{ recipient: string }>(
        `SELECT recipient FROM message WHERE related_type = 'job_order' AND related_id = $1 AND template = 'job-description' ORDER BY recipient`,
        [jobOrderId],
      );
      return rows.length >= expected ? rows.map((r) => r.recipient) : undefined;
    });

  beforeAll(async () => {
    factory = new ContractsFactory(api.app);
    unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    [{ id: contract }] = await factory.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
    channels = {
      north: await channel('Jobcenter nord', 'nord@jobcenter.example.dk'),
      south: await channel('Jobcenter syd', 'syd@jobcenter.example.dk'),
      removed: await channel('Jobcenter gammel', 'gammel@jobcenter.example.dk'),
    };
    await http().delete(`/api/v1/jobcenter-channels/${channels.removed}`).set(bearer(unit.admin.token));
  });

  it('sends to the chosen channel only, stores the choice and records it in the history', async () => {
    const id = await submitted();
    const forwarded = await http().post(`/api/v1/job-orders/${id}/forward`).set(bearer(unit.procurement.token)).send({ channelIds: [channels.south] }).expect(200);
    expect(forwarded.body).toMatchObject({ state: 'forwarded', forwardChannelIds: [channels.south] });
    expect(await recipientsOf(id, 1)).toEqual(['syd@jobcenter.example.dk']);
    const history = (await http().get(`/api/v1/job-orders/${id}/history`).set(bearer(unit.procurement.token)).expect(200)).body;
    const forward = (history.items as { event: string; input: Record<string, unknown> }[]).find((entry) => entry.event === 'forward');
    expect(forward?.input).toEqual({ channelIds: [channels.south] });
  });

  it('a reopen (a replacement search) goes to the channels chosen at the forward', async () => {
    const id = await submitted();
    await http().post(`/api/v1/job-orders/${id}/forward`).set(bearer(unit.procurement.token)).send({ channelIds: [channels.north] }).expect(200);
    expect(await recipientsOf(id, 1)).toEqual(['nord@jobcenter.example.dk']);
    await http().post(`/api/v1/job-orders/${id}/close`).set(bearer(unit.employment.token)).send({}).expect(200);
    const reopened = await http().post(`/api/v1/job-orders/${id}/reopen`).set(bearer(unit.employment.token)).send({}).expect(200);
    expect(reopened.body.forwardChannelIds).toEqual([channels.north]);
    expect(await recipientsOf(id, 2)).toEqual(['nord@jobcenter.example.dk', 'nord@jobcenter.example.dk']);
  });

  it('left out, the job description goes to every active channel, as before', async () => {
    const id = await submitted();
    const forwarded = await http().post(`/api/v1/job-orders/${id}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    expect(forwarded.body.forwardChannelIds).toBeNull();
    expect(await recipientsOf(id, 2)).toEqual(['nord@jobcenter.example.dk', 'syd@jobcenter.example.dk']);
  });

  it("refuses an unknown, a removed or another municipality's channel with a 400 on channelIds, and forwards nothing", async () => {
    const other = await factory.unit();
    const foreign = (await http().post('/api/v1/jobcenter-channels').set(bearer(other.admin.token)).send({ kind: 'email', name: 'Andet', address: 'andet@example.dk' }).expect(201)).body.id;
    const id = await submitted();
    for (const channelIds of [[randomUUID()], [channels.removed], [channels.north, foreign]]) {
      const refused = await http().post(`/api/v1/job-orders/${id}/forward`).set(bearer(unit.procurement.token)).send({ channelIds });
      expect([refused.status, refused.body.details?.field]).toEqual([400, 'channelIds']);
    }
    for (const channelIds of [[], ['not-a-uuid'], 'all']) {
      const refused = await http().post(`/api/v1/job-orders/${id}/forward`).set(bearer(unit.procurement.token)).send({ channelIds });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.message)).toMatch(/channelIds/);
    }
    const order = (await http().get(`/api/v1/job-orders/${id}`).set(bearer(unit.procurement.token)).expect(200)).body;
    expect([order.state, order.forwardChannelIds]).toEqual(['submitted', null]);
  });
});
