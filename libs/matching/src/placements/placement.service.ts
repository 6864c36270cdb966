import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@klausul/domain';
import { WorkflowEngine } from '@klausul/workflow';
import type { PlacementView } from './placement.dto';
import { placementWorkflow, type PlacementEvent } from './placement.workflow';

@Injectable()
export class PlacementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
  ) {}

  async get(actor: Actor, id: string): Promise<PlacementView> {
    await this.engine.load(this.dataSource.manager, placementWorkflow, id, actor);
    const [row] = await this.dataSource.query(
      `SELECT p.*, to_char(p.start_date, 'YYYY-MM-DD') AS start_text, to_char(p.end_date, 'YYYY-MM-DD') AS end_text FROM placement p WHERE p.id = $1`,
      [id],
    );
    const hours: { effective_from: string; weekly_hours: string }[] = await this.dataSource.query(
      `SELECT to_char(effective_from, 'YYYY-MM-DD') AS effective_from, weekly_hours FROM placement_hours WHERE placement_id = $1 ORDER BY effective_from`,
      [id],
    );
    return {
      id: row.id,
      contractId: row.contract_id,
      clauseId: row.clause_id,
      partnerId: row.partner_id,
      state: row.state,
      version: row.version,
      // A supplier does not see which target group a person belongs to.
      ...(actor.role === 'supplier_hr' ? {} : { targetGroup: row.target_group }),
      employmentForm: row.employment_form,
      startDate: row.start_text,
      endDate: row.end_text,
      endReason: row.end_reason,
      weeklyHours: Number(row.agreed_weekly_hours),
      hoursHistory: hours.map((h) => ({ effectiveFrom: h.effective_from, weeklyHours: Number(h.weekly_hours) })),
    };
  }

  async fire(actor: Actor, id: string, event: PlacementEvent, input: { expectedVersion?: number } & Record<string, unknown>): Promise<PlacementView> {
    const { expectedVersion, ...eventInput } = input;
    await this.engine.transition(placementWorkflow, id, event, actor, eventInput, { expectedVersion });
    return this.get(actor, id);
  }
}
