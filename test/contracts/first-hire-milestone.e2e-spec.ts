import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { ManualClock } from '@klausul/domain';
import { QueueName } from '@klausul/queue';
import { createApiApplication, type Runtime } from '@klausul/runtime';
import { ContractsFactory, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, testRuntime } from '../support/test-runtime';

const DAY = 86_400_000;

/**
 * Hand-over schedules check-first-hire per contract at its first-hire deadline (start + 6
 * months); the due-task sweep fires it through the outbox into its handler. The clock is
 * moved by hand and the sweep triggered through the same job the scheduler runs.
 */
describe('the first-hire milestone', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: Runtime;
  let clock: ManualClock;
  let factory: ContractsFactory;
  let unit: Unit;
  let systemQueue: Queue;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock(new Date('2024-12-02T09:00:00Z'));
    // A long sweep interval: this test runs the sweep itself.
    runtime = { ...testRuntime(db.url, 'postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200', DUE_TASK_SWEEP_INTERVAL_MS: '3600000' }), clock };
    app = await createApiApplication(runtime);
    await app.init();
    factory = new ContractsFactory(app);
    unit = await factory.unit();
    systemQueue = app.get<Queue>(getQueueToken(QueueName.System));
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  const http = () => request(app.getHttpServer());

  async function sweep(): Promise<void> {
    const job = await systemQueue.add('fire-due-tasks', {});
    await eventually(async () => ((await job.isCompleted()) ? true : undefined));
  }

  /** Waits until every check-first-hire job of these contracts has run. */
  async function checked(contractIds: string[]): Promise<void> {
    await eventually(async () => {
      const rows = await factory.identity.query<{ done: number }>(
        `SELECT count(*)::int AS done FROM outbox WHERE job_name = 'check-first-hire' AND entity_id = ANY($1::uuid[]) AND completed_at IS NOT NULL`,
        [contractIds],
      );
      return rows[0].done === contractIds.length ? true : undefined;
    });
  }

  it('warns the unit about the contract with no hire by then, not about the one with a placement', async () => {
    // Contracts start 2025-01-01: the milestone is 2025-07-01.
    const { tender } = await factory.tenderAt(unit, 'awarded');
    const [hiring, idle] = tender.contracts.map((c: { id: string }) => c.id);
    await factory.placement(hiring, { startDate: '2025-03-01', weeklyHours: 12 });
    await http().post(`/api/v1/tenders/${tender.id}/hand-over`).set(bearer(unit.procurement.token)).send({}).expect(200);
    const [task] = await factory.identity.query<{ due_at: Date }>(`SELECT due_at FROM scheduled_task WHERE entity_id = $1`, [idle]);
    expect(task.due_at.toISOString()).toBe('2025-07-01T00:00:00.000Z');

    // Before the milestone the sweep fires nothing.
    clock.set(new Date('2025-06-30T12:00:00Z'));
    await sweep();
    const [{ pending }] = await factory.identity.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM scheduled_task WHERE job_name = 'check-first-hire' AND fired_at IS NULL AND entity_id = ANY($1::uuid[])`,
      [[hiring, idle]],
    );
    expect(pending).toBe(2);

    clock.advance(2 * DAY);
    await sweep();
    await checked([hiring, idle]);

    const alerts = await http().get('/api/v1/alerts').set(bearer(unit.employment.token)).expect(200);
    expect(alerts.body.items).toEqual([
      expect.objectContaining({ contractId: idle, kind: 'no_first_hire', dueOn: '2025-07-01', supplierName: 'Odense Turbusser ApS', createdAt: '2025-07-02T12:00:00.000Z' }),
    ]);
    const ofIdle = await http().get(`/api/v1/alerts?contractId=${idle}&kind=no_first_hire`).set(bearer(unit.employment.token)).expect(200);
    expect(ofIdle.body.items.map((a: { contractId: string }) => a.contractId)).toEqual([idle]);
    const ofHiring = await http().get(`/api/v1/alerts?contractId=${hiring}`).set(bearer(unit.employment.token)).expect(200);
    expect(ofHiring.body).toEqual({ items: [], nextCursor: null });
    const idleContract = await http().get(`/api/v1/contracts/${idle}`).set(bearer(unit.procurement.token)).expect(200);
    expect(idleContract.body.alerts).toHaveLength(1);
    const hiringContract = await http().get(`/api/v1/contracts/${hiring}`).set(bearer(unit.procurement.token)).expect(200);
    expect(hiringContract.body.alerts).toEqual([]);

    // A second sweep fires nothing again; the alert stays single.
    await sweep();
    expect(await factory.identity.query(`SELECT id FROM contract_alert WHERE contract_id = $1`, [idle])).toHaveLength(1);
  });

  it('does not warn when the only placement starts on the milestone day', async () => {
    clock.set(new Date('2024-12-02T09:00:00Z'));
    const { tender } = await factory.tenderAt(unit, 'awarded');
    const contractIds: string[] = tender.contracts.map((c: { id: string }) => c.id);
    for (const id of contractIds) await factory.placement(id, { startDate: '2025-07-01' });
    await http().post(`/api/v1/tenders/${tender.id}/hand-over`).set(bearer(unit.procurement.token)).send({}).expect(200);

    clock.set(new Date('2025-07-01T06:00:00Z'));
    await sweep();
    await checked(contractIds);
    expect(await factory.identity.query(`SELECT id FROM contract_alert WHERE contract_id = ANY($1::uuid[])`, [contractIds])).toEqual([]);
  });
});
