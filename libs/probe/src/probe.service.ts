import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, Clock } from '@klausul/domain';
import { OutboxRepository } from '@klausul/outbox';
import { WorkflowEngine } from '@klausul/workflow';
import { toProbeView, type ProbeView } from './probe.dto';
import { probeWorkflow } from './probe.workflow';

@Injectable()
export class ProbeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, failPermanently = false): Promise<ProbeView> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [row] = await manager.query(
        `INSERT INTO probe (municipality_id, state, fail_permanently, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $4) RETURNING *`,
        [actor.municipalityId, probeWorkflow.table.initial, failPermanently, now],
      );
      await this.engine.recordCreation(manager, probeWorkflow, row, actor, { failPermanently });
      return toProbeView(row);
    });
  }

  async fire(actor: Actor, id: string, event: string, input: { expectedVersion?: number; reason?: string }): Promise<ProbeView> {
    const { expectedVersion, ...eventInput } = input;
    await this.engine.transition(probeWorkflow, id, event, actor, eventInput, { expectedVersion });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ProbeView> {
    const row = await this.engine.load(this.dataSource.manager, probeWorkflow, id, actor);
    const [{ effects }] = await this.dataSource.query('SELECT count(*)::int AS effects FROM probe_effect WHERE probe_id = $1', [id]);
    return toProbeView({ ...row, effects });
  }

  /** Requeues the probe's failed side effects (after the cause was fixed). */
  async retry(actor: Actor, id: string): Promise<ProbeView> {
    await this.dataSource.transaction(async (manager) => {
      await this.engine.load(manager, probeWorkflow, id, actor);
      // Retrying a probe that was made to fail: let it succeed this time.
      await manager.query('UPDATE probe SET fail_permanently = false WHERE id = $1', [id]);
      await this.outbox.retryFailed(manager, probeWorkflow.tableName, id);
    });
    return this.get(actor, id);
  }
}
