import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, Clock, copenhagenDateOf, hoursAt, NotFoundError } from '@klausul/domain';
import { AccessLogService, assertSameSupplier } from '@klausul/identity';
import { Keyset, type Page } from '@klausul/paging';
import { WorkflowEngine } from '@klausul/workflow';
import { type ContractPlacementView, PLACEMENT_SORTS, type PlacementListQuery, type PlacementView, toContractPlacementView } from './placement.dto';
import { PlacementRepository } from './placement.repository';
import { placementWorkflow, type PlacementEvent } from './placement.workflow';

@Injectable()
export class PlacementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placements: PlacementRepository,
    private readonly engine: WorkflowEngine,
    private readonly clock: Clock,
    private readonly accessLog: AccessLogService,
  ) {}

  /**
   * One page of a contract's placements: the unit's for any contract of its municipality,
   * a supplier HR contact's for its own supplier's only (else 404, as for the contract).
   * The people named are in the access log.
   */
  async listOfContract(actor: Actor, contractId: string, query: PlacementListQuery): Promise<Page<ContractPlacementView>> {
    const keyset = Keyset.of(query, PLACEMENT_SORTS, 'startDate', 'p.id');
    const contract = await this.placements.contract(actor.municipalityId, contractId);
    if (!contract) throw new NotFoundError('contract', contractId);
    assertSameSupplier(actor, contract.supplier_id, { what: 'contract', id: contractId });
    const rows = await this.placements.listOfContract(contractId, { state: query.state, today: copenhagenDateOf(this.clock.now()) }, keyset);
    const shown = rows.slice(0, keyset.limit);
    const named = shown.filter((row) => row.candidate_id && row.employee_name !== null).map((row) => row.candidate_id as string);
    await this.accessLog.recordMany(actor, { action: 'read-placement-list', subjectType: 'candidate', subjectIds: named });
    return keyset.page(rows, toContractPlacementView);
  }

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
    const history = hours.map((h) => ({ from: h.effective_from, weeklyHours: Number(h.weekly_hours) }));
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
      // The hours in effect today; the history starts with the hired hours.
      weeklyHours: hoursAt({ agreedWeeklyHours: Number(row.agreed_weekly_hours), hours: history }, copenhagenDateOf(this.clock.now())),
      hoursHistory: history.map((h) => ({ effectiveFrom: h.from, weeklyHours: h.weeklyHours })),
    };
  }

  async fire(actor: Actor, id: string, event: PlacementEvent, input: { expectedVersion?: number } & Record<string, unknown>): Promise<PlacementView> {
    const { expectedVersion, ...eventInput } = input;
    await this.engine.transition(placementWorkflow, id, event, actor, eventInput, { expectedVersion });
    return this.get(actor, id);
  }
}
