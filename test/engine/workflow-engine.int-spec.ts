import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, ForbiddenError, GuardFailedError, InvalidTransitionError, NotFoundError, type Actor } from '@klausul/domain';
import { ProbeService, probeWorkflow } from '@klausul/probe';
import { createApiApplication } from '@klausul/runtime';
import { WorkflowEngine, WorkflowHistoryRepository } from '@klausul/workflow';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, queueBackends, testRuntime } from '../support/test-runtime';
import { actorIn, createMunicipality } from '../support/tenant';

describe.each(queueBackends)('the workflow engine with the %s queue backend', (backend) => {
  let db: TestDatabase;
  let runtime: ReturnType<typeof testRuntime>;
  let app: INestApplication;
  let dataSource: DataSource;
  let engine: WorkflowEngine;
  let probes: ProbeService;
  let admin: Actor;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, backend, { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200', WORKER_CONCURRENCY: '4' });
    app = await createApiApplication(runtime);
    await app.init();
    dataSource = app.get(DataSource);
    engine = app.get(WorkflowEngine);
    probes = app.get(ProbeService);
    admin = actorIn(await createMunicipality(dataSource));
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  const counts = async (probeId: string) => {
    const [row] = await dataSource.query(
      `SELECT (SELECT version FROM probe WHERE id = $1) AS version,
              (SELECT state FROM probe WHERE id = $1) AS state,
              (SELECT count(*)::int FROM workflow_transition WHERE entity_id = $1) AS history,
              (SELECT count(*)::int FROM outbox WHERE entity_id = $1) AS outbox`,
      [probeId],
    );
    return row as { version: number; state: string; history: number; outbox: number };
  };

  it('changes state, appends history and queues the side effect, which runs once', async () => {
    const probe = await probes.create(admin);
    const result = await engine.transition(probeWorkflow, probe.id, 'ping', admin);

    expect(result).toMatchObject({ state: 'pinged', version: 2 });
    expect(await counts(probe.id)).toEqual({ version: 2, state: 'pinged', history: 2, outbox: 1 });
    const delivered = await eventually(async () => {
      const view = await probes.get(admin, probe.id);
      return view.deliveryStatus === 'delivered' ? view : undefined;
    });
    expect(delivered.effects).toBe(1);
    const history = await app.get(WorkflowHistoryRepository).forEntity(probeWorkflow, probe.id, admin);
    expect(history.items.map((h) => [h.event, h.from, h.to, h.version])).toEqual([
      ['create', null, 'open', 1],
      ['ping', 'open', 'pinged', 2],
    ]);
  });

  it('rejects an event the state does not allow, naming the allowed ones, and changes nothing', async () => {
    const probe = await probes.create(admin);
    const error = await engine.transition(probeWorkflow, probe.id, 'reset', admin).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect((error as InvalidTransitionError).allowedEvents).toEqual(['ping', 'close']);
    expect(await counts(probe.id)).toEqual({ version: 1, state: 'open', history: 1, outbox: 0 });
  });

  it('rejects a failing guard with its reason, and changes nothing', async () => {
    const probe = await probes.create(admin);
    await expect(engine.transition(probeWorkflow, probe.id, 'close', admin, {})).rejects.toThrow(
      new GuardFailedError('probe', 'close', 'closing a probe needs a reason'),
    );
    expect(await counts(probe.id)).toEqual({ version: 1, state: 'open', history: 1, outbox: 0 });

    await engine.transition(probeWorkflow, probe.id, 'close', admin, { reason: 'done checking' });
    expect(await counts(probe.id)).toMatchObject({ state: 'closed', version: 2 });
  });

  it('refuses a role the event does not list', async () => {
    const probe = await probes.create(admin);
    const caseworker = actorIn(admin.municipalityId, 'procurement_caseworker');
    await expect(engine.transition(probeWorkflow, probe.id, 'ping', caseworker)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts(probe.id)).toMatchObject({ version: 1, history: 1 });
  });

  it('refuses a stale expected version with a conflict', async () => {
    const probe = await probes.create(admin);
    await engine.transition(probeWorkflow, probe.id, 'ping', admin, {}, { expectedVersion: 1 });
    await expect(engine.transition(probeWorkflow, probe.id, 'reset', admin, {}, { expectedVersion: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await counts(probe.id)).toMatchObject({ version: 2, state: 'pinged', history: 2 });
  });

  it("treats another municipality's entity, or a malformed id, as not found", async () => {
    const probe = await probes.create(admin);
    const stranger = actorIn(await createMunicipality(dataSource, 'Anden kommune'));
    await expect(engine.transition(probeWorkflow, probe.id, 'ping', stranger)).rejects.toBeInstanceOf(NotFoundError);
    await expect(engine.transition(probeWorkflow, 'not-a-uuid', 'ping', admin)).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts(probe.id)).toMatchObject({ version: 1, history: 1, outbox: 0 });
  });

  it('surfaces a permanent failure on the entity, and a retry delivers it once', async () => {
    const probe = await probes.create(admin, true);
    await engine.transition(probeWorkflow, probe.id, 'ping', admin);

    const failed = await eventually(async () => {
      const view = await probes.get(admin, probe.id);
      return view.deliveryStatus === 'failed' ? view : undefined;
    });
    expect(failed.effects).toBe(0);
    const [row] = await dataSource.query('SELECT last_error, failed_at FROM outbox WHERE entity_id = $1', [probe.id]);
    expect(row.last_error).toBe('the probe was created to fail permanently');

    await probes.retry(admin, probe.id);
    const delivered = await eventually(async () => {
      const view = await probes.get(admin, probe.id);
      return view.deliveryStatus === 'delivered' ? view : undefined;
    });
    expect(delivered.effects).toBe(1);
  });
});
