import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, Clock, ConflictError, InvalidInputError, NotFoundError, isUuid } from '@klausul/domain';
import { OutboxRepository } from '@klausul/outbox';
import { WorkflowEngine } from '@klausul/workflow';
import { type CreateJobOrderDto, toJobOrderView, type JobOrderView, type UpdateJobOrderDto } from './job-order.dto';
import { jobOrderWorkflow, type JobOrderEvent } from './job-order.workflow';

/** What the jobcenter sees: job descriptions that have been forwarded to it. */
const VISIBLE_TO_JOBCENTER = ['forwarded', 'shortlist_sent', 'closed'];

@Injectable()
export class JobOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  /** A supplier HR contact drafts a job description on one of its own contracts. */
  create(actor: Actor, contractId: string, dto: CreateJobOrderDto): Promise<JobOrderView> {
    return this.dataSource.transaction(async (manager) => {
      const [contract] = isUuid(contractId)
        ? await manager.query('SELECT id, supplier_id, end_date FROM contract WHERE id = $1 AND municipality_id = $2', [contractId, actor.municipalityId])
        : [];
      if (!contract || (actor.role === 'supplier_hr' && contract.supplier_id !== actor.supplierId)) throw new NotFoundError('contract', contractId);
      const now = this.clock.now();
      const [row] = await manager.query(
        `INSERT INTO job_order (municipality_id, contract_id, supplier_id, state, title, tasks, weekly_hours, shift_pattern,
                                workplace_address, start_date, positions, requirements, learning_on_the_job, interview_contact, created_at, updated_at)
         VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING *`,
        [actor.municipalityId, contract.id, contract.supplier_id, dto.title, dto.tasks, dto.weeklyHours, dto.shiftPattern, dto.workplaceAddress,
          dto.startDate, dto.positions, dto.requirements ?? '', dto.learningOnTheJob ?? '', dto.interviewContact, now],
      );
      await this.engine.recordCreation(manager, jobOrderWorkflow, row, actor, { contractId: contract.id });
      return toJobOrderView(row);
    });
  }

  /** The supplier edits its draft, or a description procurement returned. */
  update(actor: Actor, id: string, dto: UpdateJobOrderDto): Promise<JobOrderView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.engine.load(manager, jobOrderWorkflow, id, actor);
      if (!['draft', 'returned'].includes(current.state)) {
        throw new InvalidInputError(`a job description can be edited while it is a draft or returned, not when it is ${current.state}`);
      }
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== current.version) {
        throw new ConflictError(`the job description is at version ${current.version}, not ${dto.expectedVersion}; reload it`, {
          currentVersion: current.version,
        });
      }
      const columns: Record<string, unknown> = {
        title: dto.title, tasks: dto.tasks, weekly_hours: dto.weeklyHours, shift_pattern: dto.shiftPattern,
        workplace_address: dto.workplaceAddress, start_date: dto.startDate, positions: dto.positions,
        requirements: dto.requirements, learning_on_the_job: dto.learningOnTheJob, interview_contact: dto.interviewContact,
      };
      const changes = Object.entries(columns).filter(([, value]) => value !== undefined);
      const [rows] = await manager.query(
        `UPDATE job_order SET ${changes.map(([column], i) => `${column} = $${i + 3}`).join(', ')}${changes.length ? ', ' : ''}
                version = version + 1, updated_at = $2
          WHERE id = $1 RETURNING *`,
        [id, this.clock.now(), ...changes.map(([, value]) => value)],
      );
      return toJobOrderView(rows[0]);
    });
  }

  async fire(actor: Actor, id: string, event: JobOrderEvent, input: { expectedVersion?: number; comment?: string }): Promise<JobOrderView> {
    const { expectedVersion, ...eventInput } = input;
    await this.engine.transition(jobOrderWorkflow, id, event, actor, eventInput, { expectedVersion });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<JobOrderView> {
    const row = await this.engine.load(this.dataSource.manager, jobOrderWorkflow, id, actor);
    if (actor.role === 'jobcenter_contact' && !VISIBLE_TO_JOBCENTER.includes(row.state)) throw new NotFoundError('job_order', id);
    return toJobOrderView(row);
  }

  async list(actor: Actor, filter: { contractId?: string; state?: string }): Promise<JobOrderView[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM job_order
        WHERE municipality_id = $1
          AND ($2::uuid IS NULL OR supplier_id = $2)
          AND ($3::text[] IS NULL OR state = ANY($3))
          AND ($4::uuid IS NULL OR contract_id = $4)
          AND ($5::text IS NULL OR state = $5)
        ORDER BY created_at DESC, id`,
      [
        actor.municipalityId,
        actor.role === 'supplier_hr' ? actor.supplierId : null,
        actor.role === 'jobcenter_contact' ? VISIBLE_TO_JOBCENTER : null,
        filter.contractId ?? null,
        filter.state ?? null,
      ],
    );
    return rows.map(toJobOrderView);
  }

  /** Puts the failed dispatch of a job description back in line (after, e.g., a channel was fixed). */
  async retry(actor: Actor, id: string): Promise<JobOrderView> {
    await this.dataSource.transaction(async (manager) => {
      await this.engine.load(manager, jobOrderWorkflow, id, actor);
      await this.outbox.retryFailed(manager, 'job_order', id);
    });
    return this.get(actor, id);
  }
}
