import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { type Actor, DomainError, ROLES } from '@klausul/domain';
import { ProbeService, probeWorkflow } from '@klausul/probe';
import { replay, WorkflowEngine } from '@klausul/workflow';
import { actorIn, createMunicipality } from '../support/tenant';
import { useTestApi } from '../support/test-api';

// No worker here: these properties are about the transition path and its rows.
describe('the workflow engine under random event sequences', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let engine: WorkflowEngine;
  let probes: ProbeService;
  let municipalityId: string;

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    dataSource = app.get(DataSource);
    engine = app.get(WorkflowEngine);
    probes = app.get(ProbeService);
    municipalityId = await createMunicipality(dataSource);
  });

  const step = fc.record({
    event: fc.constantFrom('ping', 'reset', 'close', 'reopen', 'explode'),
    role: fc.constantFrom(...ROLES),
    reason: fc.option(fc.constantFrom('checked', '  '), { nil: undefined }),
  });

  it('keeps the entity in a state of the table, the history replaying to it, and rejected events changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const admin: Actor = actorIn(municipalityId);
        const probe = await probes.create(admin);
        let accepted = 0;
        for (const { event, role, reason } of steps) {
          const before = await dataSource.query('SELECT state, version FROM probe WHERE id = $1', [probe.id]);
          const outcome = await engine
            .transition(probeWorkflow, probe.id, event, actorIn(municipalityId, role), reason === undefined ? {} : { reason })
            .then(() => 'accepted' as const)
            .catch((error: unknown) => {
              if (error instanceof DomainError) return 'rejected' as const;
              throw error;
            });
          const after = await dataSource.query('SELECT state, version FROM probe WHERE id = $1', [probe.id]);
          expect(probeWorkflow.table.states).toContain(after[0].state);
          if (outcome === 'accepted') accepted += 1;
          else expect(after).toEqual(before);
        }
        const history: { event: string; to_state: string }[] = await dataSource.query(
          'SELECT event, to_state FROM workflow_transition WHERE entity_id = $1 ORDER BY id',
          [probe.id],
        );
        const [current] = await dataSource.query('SELECT state, version FROM probe WHERE id = $1', [probe.id]);
        expect(history).toHaveLength(1 + accepted);
        expect(current.version).toBe(1 + accepted);
        expect(replay(probeWorkflow.table, history.slice(1).map((h) => h.event))).toBe(current.state);
        const [{ pings }] = await dataSource.query(
          `SELECT count(*)::int AS pings FROM outbox WHERE entity_id = $1`,
          [probe.id],
        );
        expect(pings).toBe(history.filter((h) => h.event === 'ping').length);
      }),
      { numRuns: 40 },
    );
  });
});
