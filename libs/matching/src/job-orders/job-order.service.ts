import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, addWorkingDays, Clock, ConflictError, copenhagenDateOf, GuardFailedError, InvalidInputError, NotFoundError, isUuid } from '@klausul/domain';
import { OutboxRepository } from '@klausul/outbox';
import { Keyset, type Page } from '@klausul/paging';
import { WorkflowEngine } from '@klausul/workflow';
import {
  type CreateJobOrderDto, JOB_ORDER_SORTS, type JobOrderListQuery, type JobOrderView, toJobOrderView, type UpdateJobOrderDto,
} from './job-order.dto';
import { JOB_ORDER_FIELDS, JobOrderRepository } from './job-order.repository';
import { jobOrderVisibleTo, jobOrderWorkflow, type JobOrderEvent, RETRYABLE_STATES, VISIBLE_TO_JOBCENTER } from './job-order.workflow';

@Injectable()
export class JobOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobOrders: JobOrderRepository,
    private readonly engine: WorkflowEngine,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  /** A supplier HR contact drafts a job description on one of its own contracts. */
  create(actor: Actor, contractId: string, dto: CreateJobOrderDto): Promise<JobOrderView> {
    return this.dataSource.transaction(async (manager) => {
      const contract = isUuid(contractId) ? await this.jobOrders.contract(manager, actor.municipalityId, contractId) : null;
      if (!contract || (actor.role === 'supplier_hr' && contract.supplier_id !== actor.supplierId)) throw new NotFoundError('contract', contractId);
      const row = await this.jobOrders.insert(manager, {
        ...dto,
        requirements: dto.requirements ?? '',
        learningOnTheJob: dto.learningOnTheJob ?? '',
        municipalityId: actor.municipalityId,
        contractId: contract.id,
        supplierId: contract.supplier_id,
        now: this.clock.now(),
      });
      await this.engine.recordCreation(manager, jobOrderWorkflow, row, actor, { contractId: contract.id });
      return this.view(actor, row.id, manager);
    });
  }

  /**
   * The supplier edits its draft (edit) or a description procurement returned (revise):
   * an event of the workflow, so the engine compares and sets the version, refuses an edit
   * once the description is submitted, and records the changed fields in the history.
   */
  update(actor: Actor, id: string, dto: UpdateJobOrderDto): Promise<JobOrderView> {
    const { expectedVersion, ...given } = dto;
    const cleared = JOB_ORDER_FIELDS.filter((field) => given[field] === null);
    if (cleared.length) throw new InvalidInputError(`${cleared.join(', ')} cannot be null: leave a field out to keep it`, { fields: cleared });
    const fields = Object.fromEntries(JOB_ORDER_FIELDS.filter((field) => given[field] !== undefined).map((field) => [field, given[field]]));
    if (Object.keys(fields).length === 0) throw new InvalidInputError(`give at least one field to change: ${JOB_ORDER_FIELDS.join(', ')}`);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.engine.loadVisible(manager, jobOrderWorkflow, id, actor);
      // The state picks the event; if it moves before the engine's compare-and-set, that is a 409 or a 422.
      const event: JobOrderEvent = current.state === 'returned' ? 'revise' : 'edit';
      await this.engine.transitionWithin(manager, jobOrderWorkflow, id, event, actor, fields, { expectedVersion });
      return this.view(actor, id, manager);
    });
  }

  async fire(actor: Actor, id: string, event: JobOrderEvent, input: { expectedVersion?: number; comment?: string; channelIds?: string[] }): Promise<JobOrderView> {
    const { expectedVersion, ...eventInput } = input;
    await this.engine.transition(jobOrderWorkflow, id, event, actor, eventInput, { expectedVersion });
    return this.get(actor, id);
  }

  /** A job order the actor may see, scoped as the workflow engine scopes it; the jobcenter sees forwarded ones only. */
  get(actor: Actor, id: string): Promise<JobOrderView> {
    return this.view(actor, id);
  }

  /** One page of the job orders the actor may see, narrowed by the query's filters. */
  async list(actor: Actor, query: JobOrderListQuery): Promise<Page<JobOrderView>> {
    const keyset = Keyset.of(query, JOB_ORDER_SORTS, '-createdAt', 'j.id');
    const supplierIds = [...(actor.role === 'supplier_hr' ? [actor.supplierId] : []), ...(query.supplierId ? [query.supplierId] : [])];
    const rows = await this.jobOrders.list(
      actor.municipalityId,
      {
        supplierIds,
        visibleStates: actor.role === 'jobcenter_contact' ? VISIBLE_TO_JOBCENTER : null,
        state: query.state,
        contractId: query.contractId,
        candidatesDueBy: query.candidatesDueBy,
      },
      keyset,
    );
    return keyset.page(rows, toJobOrderView);
  }

  /** Forwarded job orders whose candidates are due within `workingDays` Danish working days (soonest first): what needs doing now. */
  dueWithin(actor: Actor, workingDays: number, query: { cursor?: string; limit?: number } = {}): Promise<Page<JobOrderView>> {
    const dueBy = addWorkingDays(copenhagenDateOf(this.clock.now()), workingDays);
    return this.list(actor, { ...query, state: 'forwarded', sort: 'candidatesDueOn', candidatesDueBy: dueBy } as JobOrderListQuery);
  }

  /**
   * Puts the failed dispatch of a job description back in line (after, e.g., a channel was
   * fixed): only while the jobcenter is searching (forwarded, shortlist sent), and at the
   * version the caller saw, so a cancelled or closed description is never sent again.
   */
  async retry(actor: Actor, id: string, input: { expectedVersion?: number } = {}): Promise<JobOrderView> {
    await this.dataSource.transaction(async (manager) => {
      await this.engine.loadVisible(manager, jobOrderWorkflow, id, actor);
      // Locked, so a cancel or close cannot slip in between the check and the retry.
      const current = await this.jobOrders.lockState(manager, actor.municipalityId, id);
      if (!current) throw new NotFoundError('job_order', id);
      if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
        throw new ConflictError(`the job_order is at version ${current.version}, not ${input.expectedVersion}; reload it`, { currentVersion: current.version });
      }
      if (!RETRYABLE_STATES.includes(current.state)) {
        throw new GuardFailedError('job_order', 'retry', `a job description is sent again only while it is forwarded or its shortlist is sent, and it is ${current.state}`);
      }
      await this.outbox.retryFailed(manager, 'job_order', id);
    });
    return this.get(actor, id);
  }

  private async view(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<JobOrderView> {
    const onlySupplier = actor.role === 'supplier_hr' ? { supplierId: actor.supplierId } : null;
    const row = isUuid(id) ? await this.jobOrders.find(actor.municipalityId, id, onlySupplier, manager) : null;
    if (!row || !jobOrderVisibleTo(row as { state: unknown }, actor)) throw new NotFoundError('job_order', id);
    return toJobOrderView(row);
  }
}
