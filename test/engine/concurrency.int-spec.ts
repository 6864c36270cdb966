import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProbeService, probeWorkflow } from '@klausul/probe';
import { WorkflowEngine } from '@klausul/workflow';
import { actorIn, createMunicipality } from '../support/tenant';
import { useTestApi } from '../support/test-api';

describe('20 concurrent conflicting events on one entity', () => {
  let app: INestApplication;
  let dataSource: DataSource;

  const api = useTestApi('postgres', { RUN_WORKER: 'false', DATABASE_POOL_SIZE: '25' });

  beforeAll(async () => {
    app = api.app;
    dataSource = app.get(DataSource);
  });

  it.each([
    ['all sent with the version they read', { expectedVersion: 1 }, ['CONFLICT']],
    ['sent without a version', {}, ['CONFLICT', 'INVALID_TRANSITION']],
  ])('lets exactly one win (%s); the rest are refused and leave no trace', async (_label, options, codes) => {
    const admin = actorIn(await createMunicipality(dataSource));
    const probe = await app.get(ProbeService).create(admin);
    const engine = app.get(WorkflowEngine);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => engine.transition(probeWorkflow, probe.id, 'ping', admin, {}, options)),
    );

    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    // With a version every loser is told its view is stale (409). Without one, a loser that
    // read after the winner committed is told ping is no longer allowed (422).
    for (const { reason } of lost) expect(codes).toContain(reason.code);

    const [row] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM workflow_transition WHERE entity_id = $1 AND event = 'ping') AS pings,
              (SELECT count(*)::int FROM outbox WHERE entity_id = $1) AS outbox,
              (SELECT version FROM probe WHERE id = $1) AS version`,
      [probe.id],
    );
    expect(row).toEqual({ pings: 1, outbox: 1, version: 2 });
  });
});
