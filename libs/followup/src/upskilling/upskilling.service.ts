import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, Clock, ConflictError, GuardFailedError, InvalidInputError, NotFoundError, isUuid } from '@klausul/domain';
import { AccessLogService } from '@klausul/identity';
import { CandidateService } from '@klausul/matching';
import { Keyset, type Page } from '@klausul/paging';
import { WorkflowEngine } from '@klausul/workflow';
import {
  type CompleteParticipantDto,
  type CreateProgrammeDto,
  type DropOutParticipantDto,
  type EnrolParticipantDto,
  PARTICIPANT_SORTS,
  type ParticipantListQuery,
  type ParticipantView,
  PROGRAMME_SORTS,
  type ProgrammeListQuery,
  type ProgrammeView,
  type ProposeParticipantDto,
  toParticipantView,
  toProgrammeView,
} from './upskilling.dto';
import { type ParticipantEvent, upskillingParticipantWorkflow } from './upskilling-participant.workflow';

const PROGRAMME_COLUMNS = `p.id, p.name, p.description, p.capacity, p.max_duration_months, p.contract_id, p.created_at,
  COALESCE((SELECT array_agg(pp.supplier_id ORDER BY pp.supplier_id) FROM upskilling_programme_partner pp WHERE pp.programme_id = p.id), '{}') AS partners,
  COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.name, s.id)
              FROM upskilling_programme_partner pp JOIN supplier s ON s.id = pp.supplier_id WHERE pp.programme_id = p.id), '[]') AS partner_names,
  (SELECT count(*)::int FROM upskilling_participant u WHERE u.programme_id = p.id AND u.state = 'enrolled') AS enrolled`;

const PARTICIPANT_COLUMNS = `u.id, u.programme_id, u.state, u.version, u.display_name, u.note, u.outcome,
  to_char(u.start_date, 'YYYY-MM-DD') AS start_text, to_char(u.planned_end_date, 'YYYY-MM-DD') AS planned_text,
  to_char(u.end_date, 'YYYY-MM-DD') AS end_text,
  COALESCE((SELECT json_agg(json_build_object('candidateId', c.id, 'jobOrderId', c.job_order_id, 'state', c.state) ORDER BY c.created_at)
              FROM candidate c WHERE c.upskilling_participant_id = u.id), '[]') AS candidates`;

/**
 * Upskilling programmes (opkvalificeringsforløb) of the matchmaking unit: capacity is
 * enforced at enrolment, participants complete or drop out through their workflow, and a
 * completed participant can be proposed as a candidate on a job order. Participants are
 * personal data: no CPR number, and every read is in the access log.
 */
@Injectable()
export class UpskillingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly candidates: CandidateService,
    private readonly clock: Clock,
    private readonly accessLog: AccessLogService,
  ) {}

  async create(actor: Actor, dto: CreateProgrammeDto): Promise<ProgrammeView> {
    return this.dataSource.transaction(async (manager) => {
      const partners = dto.partnerSupplierIds ?? [];
      if (partners.length) {
        const found: { id: string }[] = await manager.query('SELECT id FROM supplier WHERE id = ANY($1::uuid[]) AND municipality_id = $2', [partners, actor.municipalityId]);
        const missing = partners.filter((id) => !found.some((f) => f.id === id));
        if (missing.length) throw new InvalidInputError('partnerSupplierIds must be suppliers of your municipality', { missing });
      }
      if (dto.contractId) {
        const [contract] = await manager.query('SELECT id FROM contract WHERE id = $1 AND municipality_id = $2', [dto.contractId, actor.municipalityId]);
        if (!contract) throw new InvalidInputError('contractId is not a contract of your municipality', { contractId: dto.contractId });
      }
      const [row] = await manager.query(
        `INSERT INTO upskilling_programme (municipality_id, name, description, capacity, max_duration_months, contract_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [actor.municipalityId, dto.name, dto.description ?? null, dto.capacity, dto.maxDurationMonths, dto.contractId ?? null, this.clock.now()],
      );
      if (partners.length) {
        await manager.query(
          'INSERT INTO upskilling_programme_partner (programme_id, municipality_id, supplier_id) SELECT $1, $2, unnest($3::uuid[])',
          [row.id, actor.municipalityId, partners],
        );
      }
      return this.programme(manager, actor, row.id);
    });
  }

  /** One page of the municipality's programmes, with their partners and enrolled count in the same query. */
  async list(actor: Actor, query: ProgrammeListQuery): Promise<Page<ProgrammeView>> {
    const keyset = Keyset.of(query, PROGRAMME_SORTS, 'createdAt', 'p.id');
    const params: unknown[] = [actor.municipalityId];
    const rows = await this.dataSource.query(
      `SELECT ${PROGRAMME_COLUMNS}, ${keyset.keyColumn} FROM upskilling_programme p WHERE p.municipality_id = $1${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
    return keyset.page(rows, toProgrammeView);
  }

  /** One programme; its participants are a list of their own (participants), so a large programme never comes back whole. */
  async get(actor: Actor, id: string): Promise<ProgrammeView> {
    return this.programme(this.dataSource.manager, actor, id);
  }

  /** One page of a programme's participants (each read written to the access log). */
  async participants(actor: Actor, programmeId: string, query: ParticipantListQuery): Promise<Page<ParticipantView>> {
    const keyset = Keyset.of(query, PARTICIPANT_SORTS, 'startDate', 'u.id');
    await this.programme(this.dataSource.manager, actor, programmeId);
    const params: unknown[] = [programmeId, actor.municipalityId];
    if (query.state) params.push(query.state);
    const rows = await this.dataSource.query(
      `SELECT ${PARTICIPANT_COLUMNS}, ${keyset.keyColumn} FROM upskilling_participant u
        WHERE u.programme_id = $1 AND u.municipality_id = $2${query.state ? ' AND u.state = $3' : ''}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
    const page = keyset.page(rows, toParticipantView);
    await this.logReads(actor, page.items.map((participant) => participant.id));
    return page;
  }

  /** Enrols a citizen; refused (422) when the programme's places are all taken. */
  async enrol(actor: Actor, programmeId: string, dto: EnrolParticipantDto): Promise<ParticipantView> {
    const participantId = await this.dataSource.transaction(async (manager) => {
      if (!isUuid(programmeId)) throw new NotFoundError('upskilling_programme', programmeId);
      // The lock serialises enrolments of one programme, so two at once cannot both take the last place.
      const [programme] = await manager.query(
        `SELECT id, capacity, max_duration_months, to_char(($3::date + make_interval(months => max_duration_months) - interval '1 day')::date, 'YYYY-MM-DD') AS latest_end
           FROM upskilling_programme WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
        [programmeId, actor.municipalityId, dto.startDate],
      );
      if (!programme) throw new NotFoundError('upskilling_programme', programmeId);
      const plannedEnd = dto.plannedEndDate ?? programme.latest_end;
      if (plannedEnd < dto.startDate) throw new InvalidInputError('plannedEndDate is before startDate');
      if (plannedEnd > programme.latest_end) {
        throw new InvalidInputError(`plannedEndDate is beyond the programme's maximum duration of ${programme.max_duration_months} months (latest ${programme.latest_end})`);
      }
      const [{ enrolled }] = await manager.query("SELECT count(*)::int AS enrolled FROM upskilling_participant WHERE programme_id = $1 AND state = 'enrolled'", [programmeId]);
      if (enrolled >= programme.capacity) {
        throw new GuardFailedError('upskilling_programme', 'enrol', `the programme is full: ${enrolled} of ${programme.capacity} places are taken`);
      }
      const now = this.clock.now();
      const [row] = await manager.query(
        `INSERT INTO upskilling_participant (municipality_id, programme_id, state, display_name, start_date, planned_end_date, note, created_at, updated_at)
         VALUES ($1, $2, 'enrolled', $3, $4, $5, $6, $7, $7) RETURNING id`,
        [actor.municipalityId, programmeId, dto.name, dto.startDate, plannedEnd, dto.note ?? null, now],
      );
      await this.engine.recordCreation(manager, upskillingParticipantWorkflow, { id: row.id, municipality_id: actor.municipalityId }, actor, { programmeId });
      return row.id as string;
    });
    return this.participant(actor, participantId);
  }

  /** The programme each of these participants took part in, in one query (the candidate pipeline's cards name it). */
  async programmesOf(actor: Actor, participantIds: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
    const ids = [...new Set(participantIds)].filter(isUuid);
    if (!ids.length) return new Map();
    const rows: { participant_id: string; id: string; name: string }[] = await this.dataSource.query(
      `SELECT u.id AS participant_id, p.id, p.name FROM upskilling_participant u JOIN upskilling_programme p ON p.id = u.programme_id
        WHERE u.id = ANY($1::uuid[]) AND u.municipality_id = $2`,
      [ids, actor.municipalityId],
    );
    return new Map(rows.map((row) => [row.participant_id, { id: row.id, name: row.name }]));
  }

  /** One participant (the read is in the access log), for the pages that complete, stop or propose it. */
  getParticipant(actor: Actor, id: string): Promise<ParticipantView> {
    return this.participant(actor, id);
  }

  async fire(actor: Actor, id: string, event: ParticipantEvent, dto: CompleteParticipantDto | DropOutParticipantDto): Promise<ParticipantView> {
    const { expectedVersion, ...input } = dto;
    await this.engine.transition(upskillingParticipantWorkflow, id, event, actor, { ...input }, { expectedVersion });
    return this.participant(actor, id);
  }

  /**
   * Proposes a completed participant as a candidate on a job order, through the candidate
   * service (same rules: job order open, no CPR number, CV checked), and links the
   * candidate to the participant so it carries the upskilling history.
   */
  async propose(actor: Actor, participantId: string, dto: ProposeParticipantDto) {
    const { jobOrderId, ...fields } = dto;
    const candidate = await this.dataSource.transaction(async (manager) => {
      const participant = await this.engine.load(manager, upskillingParticipantWorkflow, participantId, actor);
      // Proposals of one participant wait for each other here, so the check below sees the one before.
      await manager.query('SELECT id FROM upskilling_participant WHERE id = $1 FOR UPDATE', [participant.id]);
      if (participant.state !== 'completed') {
        throw new GuardFailedError('upskilling_participant', 'propose', `only a participant who completed the programme can be proposed, and this one is ${participant.state}`);
      }
      const [already] = await manager.query(
        `SELECT id FROM candidate WHERE upskilling_participant_id = $1 AND job_order_id = $2 AND state NOT IN ('withdrawn', 'declined', 'rejected')`,
        [participantId, jobOrderId],
      );
      // Named on jobOrderId: the proposal is refused for the job order chosen, not for a stale form.
      if (already) throw new ConflictError('the participant is already a candidate on this job order', { field: 'jobOrderId', candidateId: already.id });
      const name = fields.name ?? (participant.display_name as string | null);
      if (!name) throw new InvalidInputError('the participant has no name on record; give name');
      try {
        return await this.candidates.proposeWithin(manager, actor, jobOrderId, { ...fields, name }, { upskillingParticipantId: participantId });
      } catch (error) {
        // The unique index's refusal of a second open candidacy, should the check above be passed by.
        if (error instanceof ConflictError && error.details?.field === undefined) throw new ConflictError(error.message, { field: 'jobOrderId' });
        throw error;
      }
    });
    const history = await this.participant(actor, participantId);
    return { ...candidate, upskilling: { participantId, programmeId: history.programmeId, startDate: history.startDate, endDate: history.endDate, outcome: history.outcome } };
  }

  private async programme(manager: EntityManager, actor: Actor, id: string): Promise<ProgrammeView> {
    if (!isUuid(id)) throw new NotFoundError('upskilling_programme', id);
    const [row] = await manager.query(`SELECT ${PROGRAMME_COLUMNS} FROM upskilling_programme p WHERE p.id = $1 AND p.municipality_id = $2`, [id, actor.municipalityId]);
    if (!row) throw new NotFoundError('upskilling_programme', id);
    return toProgrammeView(row);
  }

  private async participant(actor: Actor, id: string): Promise<ParticipantView> {
    await this.engine.load(this.dataSource.manager, upskillingParticipantWorkflow, id, actor);
    const [row] = await this.dataSource.query(`SELECT ${PARTICIPANT_COLUMNS} FROM upskilling_participant u WHERE u.id = $1`, [id]);
    await this.logReads(actor, [id]);
    return toParticipantView(row);
  }

  private async logReads(actor: Actor, ids: string[]): Promise<void> {
    await this.accessLog.recordMany(actor, { action: 'read-upskilling-participant', subjectType: 'upskilling_participant', subjectIds: ids });
  }
}
