import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ContractsFactory, type SignedIn, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

/** #11.8: a supplier's edit of its job description is an event of the workflow, compared and set on its version. */
describe('editing a job description (edit, revise)', () => {
  let app: INestApplication;
  let factory: ContractsFactory;
  let unit: Unit;
  let hr: SignedIn;
  let contract: string;
  const http = () => request(app.getHttpServer());

  const api = useTestApi('postgres', { RUN_WORKER: 'false', DATABASE_POOL_SIZE: '25' });

  beforeAll(async () => {
    app = api.app;
    factory = new ContractsFactory(app);
    unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    [{ id: contract }] = await factory.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
  });

  const draft = async () => (await http().post(`/api/v1/contracts/${contract}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body as Record<string, any>;
  const edit = (id: string, body: object) => http().patch(`/api/v1/job-orders/${id}`).set(bearer(hr.token)).send(body);
  const history = async (id: string) =>
    (await http().get(`/api/v1/job-orders/${id}/history`).set(bearer(unit.procurement.token)).expect(200)).body.items as Record<string, any>[];
  const row = async (id: string) =>
    (await factory.identity.query<{ state: string; version: number; title: string }>('SELECT state, version, title FROM job_order WHERE id = $1', [id]))[0];

  it('#11.8: ten edits with the same expectedVersion: one wins, the other nine are 409', async () => {
    const order = await draft();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => edit(order.id, { title: `Titel ${i}`, expectedVersion: 1 })));
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const res of answers.filter((r) => r.status === 409)) expect(res.body.code).toBe('CONFLICT');
    const winner = answers.find((res) => res.status === 200)!;
    expect(await row(order.id)).toEqual({ state: 'draft', version: 2, title: winner.body.title });
    const edits = (await history(order.id)).filter((entry) => entry.event === 'edit');
    expect(edits).toEqual([expect.objectContaining({ from: 'draft', to: 'draft', version: 2, input: { title: winner.body.title } })]);
  });

  it('#11.8: an edit racing a submit on the same version: exactly one of them happens', async () => {
    const order = await draft();
    const answers = await Promise.all([
      http().post(`/api/v1/job-orders/${order.id}/submit`).set(bearer(hr.token)).send({ expectedVersion: 1 }),
      ...Array.from({ length: 9 }, (_, i) => edit(order.id, { title: `Efter indsendelse ${i}`, expectedVersion: 1 })),
    ]);
    expect(answers.filter((res) => res.status === 200)).toHaveLength(1);
    for (const res of answers.filter((r) => r.status !== 200)) expect([409, 422]).toContain(res.status);
    const after = await row(order.id);
    expect(after.version).toBe(2);
    // Whichever won, a submitted description carries the title it was submitted with.
    if (after.state === 'submitted') expect(after.title).toBe(order.title);
    expect((await history(order.id)).map((entry) => entry.event)).toHaveLength(2);
  });

  it('#11.8: an edit after submit is a 422 naming what is allowed, and changes nothing', async () => {
    const order = await draft();
    await http().post(`/api/v1/job-orders/${order.id}/submit`).set(bearer(hr.token)).send({}).expect(200);
    const res = await edit(order.id, { title: 'For sent' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { state: 'submitted', allowedEvents: ['cancel'] } });
    expect(await row(order.id)).toEqual({ state: 'submitted', version: 2, title: order.title });
  });

  it('#11.8: an edit is a history row with the fields changed, and moves the version', async () => {
    const order = await draft();
    const res = await edit(order.id, { positions: 3, requirements: 'Kørekort B' }).expect(200);
    expect(res.body).toMatchObject({ state: 'draft', version: 2, positions: 3, requirements: 'Kørekort B' });
    expect((await history(order.id)).map(({ event, from, to, version, input }) => ({ event, from, to, version, input }))).toEqual([
      { event: 'create', from: null, to: 'draft', version: 1, input: { contractId: contract } },
      { event: 'edit', from: 'draft', to: 'draft', version: 2, input: { positions: 3, requirements: 'Kørekort B' } },
    ]);
    await edit(order.id, { positions: 4, expectedVersion: 1 }).expect(409);
  });

  it('#11.8: a returned description is revised (it stays returned, with its history row) and can be submitted again', async () => {
    const order = await draft();
    await http().post(`/api/v1/job-orders/${order.id}/submit`).set(bearer(hr.token)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${order.id}/return`).set(bearer(unit.procurement.token)).send({ comment: 'Skriv mere om vagterne' }).expect(200);
    const revised = await edit(order.id, { shiftPattern: 'morning', expectedVersion: 3 }).expect(200);
    expect(revised.body).toMatchObject({ state: 'returned', version: 4, shiftPattern: 'morning', returnComment: 'Skriv mere om vagterne' });
    expect((await history(order.id)).at(-1)).toMatchObject({ event: 'revise', from: 'returned', to: 'returned', input: { shiftPattern: 'morning' } });
    await http().post(`/api/v1/job-orders/${order.id}/submit`).set(bearer(hr.token)).send({ expectedVersion: 4 }).expect(200);
  });

  it('refuses an edit that changes nothing or clears a field with a 400, and writes nothing', async () => {
    const order = await draft();
    const empty = await edit(order.id, {}).expect(400);
    expect(empty.body.message).toMatch(/at least one field/);
    const cleared = await edit(order.id, { title: null }).expect(400);
    expect(cleared.body.message).toMatch(/title/);
    expect(await row(order.id)).toEqual({ state: 'draft', version: 1, title: order.title });
    expect(await history(order.id)).toHaveLength(1);
  });
});
