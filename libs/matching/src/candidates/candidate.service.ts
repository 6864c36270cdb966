import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { type Actor, assertNoCprNumber, Clock, ConflictError, GuardFailedError, NotFoundError } from '@klausul/domain';
import { type FileContent, FileStore } from '@klausul/files';
import { AccessLogService } from '@klausul/identity';
import { Keyset, type Page } from '@klausul/paging';
import { WorkflowEngine } from '@klausul/workflow';
import { jobOrderWorkflow } from '../job-orders/job-order.workflow';
import { candidatePage } from './candidate-list.query';
import { CANDIDATE_SORTS, type CandidateListQuery, type ProposeCandidateDto } from './candidate.dto';
import { CANDIDATE_COLUMNS, type CandidateView, toCandidateView, VISIBLE_TO_SUPPLIER } from './candidate.view';
import { type CandidateEvent, type CandidateState, candidateWorkflow } from './candidate.workflow';

/** Job orders the jobcenter may propose candidates to. */
export const OPEN_FOR_CANDIDATES: readonly string[] = ['forwarded', 'shortlist_sent'];

/** Migration RaceGuards1764100500000: one open candidacy per upskilling participant and job order. */
const ONE_CANDIDACY_PER_PARTICIPANT = 'candidate_upskilling_participant_once';

@Injectable()
export class CandidateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly files: FileStore,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  /** The jobcenter proposes a citizen, with CV; refused whole (nothing stored) on any bad part. */
  propose(actor: Actor, jobOrderId: string, dto: ProposeCandidateDto): Promise<CandidateView> {
    return this.dataSource.transaction((manager) => this.proposeWithin(manager, actor, jobOrderId, dto));
  }

  /**
   * The same inside the caller's transaction. `from` links a participant of an upskilling
   * programme; the caller checks, under a lock, that it is not a candidate here already,
   * and a unique index refuses a second open candidacy (409) should a caller not.
   */
  async proposeWithin(
    manager: EntityManager,
    actor: Actor,
    jobOrderId: string,
    dto: ProposeCandidateDto,
    from?: { upskillingParticipantId: string },
  ): Promise<CandidateView> {
    assertNoCprNumber({
      name: dto.name, email: dto.email, phone: dto.phone, applicationText: dto.applicationText, consentScope: dto.consentScope,
      'cv.fileName': dto.cv?.fileName,
    });
    const order = await this.engine.load(manager, jobOrderWorkflow, jobOrderId, actor);
    if (!OPEN_FOR_CANDIDATES.includes(order.state)) {
      throw new GuardFailedError('job_order', 'propose', `candidates can be proposed while the job description is forwarded, and it is ${order.state}`);
    }
    const cv = dto.cv
      ? await this.files.store(actor, { purpose: 'cv', originalName: dto.cv.fileName, content: Buffer.from(dto.cv.contentBase64, 'base64') }, manager)
      : undefined;
    const now = this.clock.now();
    const [row] = await insertCandidate(
      manager,
      `INSERT INTO candidate (municipality_id, job_order_id, supplier_id, state, display_name, email, phone, cv_file_id, application_text,
                              target_group, available_weekly_hours, preferred_shifts, consent_given_on, consent_scope,
                              proposed_by_user_id, proposed_by_api_key_id, created_at, updated_at, upskilling_participant_id)
       VALUES ($1, $2, $3, 'proposed', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17) RETURNING id`,
      [actor.municipalityId, order.id, order.supplier_id, dto.name, dto.email ?? null, dto.phone ?? null, cv?.id ?? null, dto.applicationText ?? null,
        dto.targetGroup, dto.availableWeeklyHours, dto.preferredShifts ?? [], dto.consentGivenOn, dto.consentScope,
        actor.userId, actor.apiKeyId, now, from?.upskillingParticipantId ?? null],
    );
    await this.engine.recordCreation(manager, candidateWorkflow, { id: row.id, municipality_id: actor.municipalityId }, actor, {
      jobOrderId: order.id,
      hasCv: Boolean(cv),
    });
    return this.view(actor, row.id, manager);
  }

  /** One page of a job order's candidates; a supplier sees its shortlisted ones only. Every candidate shown is in the access log. */
  async list(actor: Actor, jobOrderId: string, query: CandidateListQuery): Promise<Page<CandidateView>> {
    const keyset = Keyset.of(query, CANDIDATE_SORTS, 'createdAt', 'c.id');
    const manager = this.dataSource.manager;
    await this.engine.load(manager, jobOrderWorkflow, jobOrderId, actor);
    const rows = await candidatePage(
      manager,
      { municipalityId: actor.municipalityId, jobOrderId, visibleStates: actor.role === 'supplier_hr' ? VISIBLE_TO_SUPPLIER : null, state: query.state },
      keyset,
    );
    const page = keyset.page(rows, (row) => toCandidateView(row, actor));
    await this.accessLog.recordMany(actor, { action: 'read-candidate', subjectType: 'candidate', subjectIds: page.items.map((candidate) => candidate.id) }, manager);
    return page;
  }

  /** How many of a job order's candidates are in each state (every state named, 0 when none), after the same visibility check as list. */
  async stageCounts(actor: Actor, jobOrderId: string): Promise<Record<CandidateState, number>> {
    const manager = this.dataSource.manager;
    await this.engine.load(manager, jobOrderWorkflow, jobOrderId, actor);
    const visible = actor.role === 'supplier_hr' ? VISIBLE_TO_SUPPLIER : candidateWorkflow.table.states;
    const rows: { state: CandidateState; n: number }[] = await manager.query(
      `SELECT state, count(*)::int AS n FROM candidate WHERE job_order_id = $1 AND municipality_id = $2 AND state = ANY($3::text[]) GROUP BY state`,
      [jobOrderId, actor.municipalityId, visible],
    );
    const counts = Object.fromEntries(candidateWorkflow.table.states.map((state) => [state, 0])) as Record<CandidateState, number>;
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  async get(actor: Actor, id: string): Promise<CandidateView> {
    const view = await this.view(actor, id);
    await this.accessLog.record(actor, { action: 'read-candidate', subjectType: 'candidate', subjectId: id });
    return view;
  }

  /** The CV file; every read is in the access log. */
  async cv(actor: Actor, id: string): Promise<FileContent> {
    const candidate = await this.visible(actor, id);
    if (!candidate.cv_file_id) throw new NotFoundError('CV of candidate', id);
    const file = await this.files.read(actor, candidate.cv_file_id);
    await this.accessLog.record(actor, { action: 'read-cv', subjectType: 'candidate', subjectId: id });
    return file;
  }

  async fire(actor: Actor, id: string, event: CandidateEvent, input: { expectedVersion?: number } & Record<string, unknown>): Promise<CandidateView> {
    const { expectedVersion, ...eventInput } = input;
    // The engine loads the candidate as its GET does: one a supplier may not see is a 404 here too.
    await this.engine.transition(candidateWorkflow, id, event, actor, eventInput, { expectedVersion });
    return this.view(actor, id);
  }

  /** A candidate the actor may see: a supplier only its own, and only from the shortlist on (the workflow's visibleTo, as for its history). */
  private visible(actor: Actor, id: string, manager = this.dataSource.manager): Promise<Record<string, any>> {
    return this.engine.loadVisible(manager, candidateWorkflow, id, actor);
  }

  private async view(actor: Actor, id: string, manager = this.dataSource.manager): Promise<CandidateView> {
    await this.visible(actor, id, manager);
    const [row] = await manager.query(`SELECT ${CANDIDATE_COLUMNS} FROM candidate c WHERE c.id = $1`, [id]);
    return toCandidateView(row, actor);
  }
}

/** Inserts the candidate; a second open candidacy of one upskilling participant on the job order is a 409, not a 500. */
async function insertCandidate(manager: EntityManager, sql: string, params: unknown[]): Promise<{ id: string }[]> {
  try {
    return await manager.query(sql, params);
  } catch (error) {
    const fields = (error instanceof QueryFailedError ? error.driverError : undefined) as { code?: string; constraint?: string } | undefined;
    if (fields?.code === '23505' && fields.constraint === ONE_CANDIDACY_PER_PARTICIPANT) {
      throw new ConflictError('the participant is already a candidate on this job order');
    }
    throw error;
  }
}
