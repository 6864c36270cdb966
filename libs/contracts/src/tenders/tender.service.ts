import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { type Actor, Clock, compareDates, ConflictError, InvalidInputError } from '@klausul/domain';
import { Keyset, type Page } from '@klausul/paging';
import { allowedEvents, WorkflowEngine } from '@klausul/workflow';
import type { ClauseDraftCommand } from '../clauses/clause.dto';
import { danishDateOf } from '../common/rows';
import { SupplierRepository } from '../suppliers/supplier.repository';
import { isClauseRequired } from '../thresholds/clause-threshold';
import { ClauseThresholdService } from '../thresholds/clause-threshold.service';
import type { AwardCommand, DefineClauseCommand, MeetingSummary, ReasonCommand, ScreeningCommand } from './tender.commands';
import {
  type CreateTenderDto,
  TENDER_SORTS,
  type TenderListQuery,
  type TenderSummary,
  type TenderView,
  toTenderSummary,
  toTenderView,
} from './tender.dto';
import type { AwardDto, DefineClauseDto, MeetingDto, ReasonDto, ScreeningDto, TenderEventDto } from './tender-event.dto';
import { TenderRepository } from './tender.repository';
import { type TenderEvent, type TenderState, tenderWorkflow } from './tender.workflow';

const asInput = (command: object) => command as Record<string, unknown>;

/** Phase 1 use cases: each event is one transaction through the workflow engine. */
@Injectable()
export class TenderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly tenders: TenderRepository,
    private readonly suppliers: SupplierRepository,
    private readonly thresholds: ClauseThresholdService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new tender in `identified`, flagged clauseRequired when it is at or above the municipality's thresholds. */
  async create(actor: Actor, dto: CreateTenderDto): Promise<TenderView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const threshold = await this.thresholds.effective(actor.municipalityId, manager);
      const clauseRequired = isClauseRequired(dto, threshold);
      const row = await this.tenders.insert(manager, {
        municipalityId: actor.municipalityId,
        reference: dto.reference ?? null,
        title: dto.title,
        description: dto.description ?? '',
        procurementArea: dto.procurementArea,
        estimatedValueDkk: dto.estimatedValueDkk,
        durationMonths: dto.durationMonths,
        clauseRequired,
        state: tenderWorkflow.table.initial,
        now: this.clock.now(),
      });
      if (!row) throw new ConflictError(`a tender with reference ${dto.reference} already exists`, { field: 'reference' });
      await this.tenders.insertLots(manager, row, dto.lots);
      await this.engine.recordCreation(manager, tenderWorkflow, row, actor, {
        title: dto.title,
        procurementArea: dto.procurementArea,
        estimatedValueDkk: dto.estimatedValueDkk,
        durationMonths: dto.durationMonths,
        lots: dto.lots.map((lot) => lot.number),
        clauseRequired,
        threshold: { minDurationMonths: threshold.minDurationMonths, minValueDkk: threshold.minValueDkk },
      });
      return row.id as string;
    });
    return this.get(actor, id);
  }

  /** One page of the municipality's tenders with their lot counts: two queries, whatever the page size. */
  async list(actor: Actor, query: TenderListQuery): Promise<Page<TenderSummary>> {
    const keyset = Keyset.of(query, TENDER_SORTS, '-createdAt', 't.id');
    const rows = await this.tenders.list(actor.municipalityId, { state: query.state }, keyset);
    const lots = await this.tenders.lotCounts(rows.slice(0, keyset.limit).map((row) => row.id));
    return keyset.page(rows, (row) => toTenderSummary(row, lots.get(row.id) ?? 0));
  }

  async get(actor: Actor, id: string): Promise<TenderView> {
    const row = await this.engine.load(this.dataSource.manager, tenderWorkflow, id, actor);
    const allowed = allowedEvents(tenderWorkflow.table, row.state as TenderState, actor.role);
    return toTenderView(row, await this.tenders.details(id), allowed);
  }

  screen(actor: Actor, id: string, dto: ScreeningDto): Promise<TenderView> {
    const command: ScreeningCommand = {
      suitableTasks: dto.suitableTasks,
      splitShifts: dto.splitShifts,
      coreTasks: dto.coreTasks,
      ancillaryTasks: dto.ancillaryTasks,
      upskillingOptions: dto.upskillingOptions,
      estimatedHires: dto.estimatedHires,
      notes: dto.notes ?? '',
    };
    return this.fire(actor, id, 'screen', command, dto);
  }

  startDialogue(actor: Actor, id: string, dto: TenderEventDto): Promise<TenderView> {
    return this.fire(actor, id, 'start-dialogue', {}, dto);
  }

  /** The history records the meeting's id and date; who took part and what was said stay on the meeting row. */
  recordMeeting(actor: Actor, id: string, dto: MeetingDto): Promise<TenderView> {
    const summary: MeetingSummary = { meetingId: randomUUID(), heldOn: dto.heldOn, supplierId: dto.supplierId ?? null, willingness: dto.willingness };
    return this.fire(actor, id, 'record-meeting', summary, dto, async (manager) => {
      // Each problem names its field, so a form shows it on the input it is about.
      const problems: { field: string; message: string }[] = [];
      if (compareDates(dto.heldOn, danishDateOf(this.clock.now())) > 0) problems.push({ field: 'heldOn', message: 'heldOn must not be in the future' });
      if (dto.supplierId && !(await this.suppliers.find(actor.municipalityId, dto.supplierId, manager))) {
        problems.push({ field: 'supplierId', message: 'supplierId is not a registered supplier' });
      }
      if (problems.length) {
        const errors = problems.map((p) => p.message);
        throw new InvalidInputError(errors.join('; '), { fields: problems.map((p) => p.field), errors });
      }
      await this.tenders.insertMeeting(manager, {
        id: summary.meetingId,
        municipalityId: actor.municipalityId,
        tenderId: id,
        heldOn: dto.heldOn,
        bidderName: dto.bidderName,
        supplierId: summary.supplierId,
        participants: dto.participants,
        notes: dto.notes ?? '',
        willingness: dto.willingness,
        tasksMatched: dto.tasksMatched,
        upskillingNeeds: dto.upskillingNeeds,
      });
    });
  }

  defineClause(actor: Actor, id: string, dto: DefineClauseDto): Promise<TenderView> {
    const command: DefineClauseCommand = {
      clauses: dto.clauses.map((clause, i) => this.resolveDraft(clause, i)),
      noMeetingReason: dto.noMeetingReason ?? null,
    };
    return this.fire(actor, id, 'define-clause', command, dto);
  }

  publish(actor: Actor, id: string, dto: TenderEventDto): Promise<TenderView> {
    return this.fire(actor, id, 'publish', {}, dto);
  }

  award(actor: Actor, id: string, dto: AwardDto): Promise<TenderView> {
    const command: AwardCommand = {
      startDate: dto.startDate,
      endDate: dto.endDate,
      lots: dto.lots.map((lot) => ({ lotNumber: lot.lotNumber, supplierId: lot.supplierId })),
      clauseSplit:
        dto.clauseSplit?.map((share) => ({
          supplierId: share.supplierId,
          requiredHires: share.requiredHires,
          weeklyHoursPerHire: share.weeklyHoursPerHire ?? null,
          totalWeeklyHours: share.totalWeeklyHours ?? null,
        })) ?? null,
    };
    return this.fire(actor, id, 'award', command, dto);
  }

  /** Phase 2 starts for every contract, each with a check-first-hire milestone (see the workflow's hand-over behaviour). */
  handOver(actor: Actor, id: string, dto: TenderEventDto): Promise<TenderView> {
    return this.fire(actor, id, 'hand-over', {}, dto);
  }

  notSuitable(actor: Actor, id: string, dto: ReasonDto): Promise<TenderView> {
    return this.fire(actor, id, 'not-suitable', { reason: dto.reason } satisfies ReasonCommand, dto);
  }

  cancel(actor: Actor, id: string, dto: ReasonDto): Promise<TenderView> {
    return this.fire(actor, id, 'cancel', { reason: dto.reason } satisfies ReasonCommand, dto);
  }

  /** One transaction: the engine's transition (role, version, state, guards, writes, history, effects), then the event's own rows. */
  private async fire(
    actor: Actor,
    id: string,
    event: TenderEvent,
    command: object,
    { expectedVersion }: TenderEventDto,
    alsoWrite?: (manager: EntityManager) => Promise<void>,
  ): Promise<TenderView> {
    await this.dataSource.transaction(async (manager) => {
      await this.engine.transitionWithin(manager, tenderWorkflow, id, event, actor, asInput(command), { expectedVersion });
      await alsoWrite?.(manager);
    });
    return this.get(actor, id);
  }

  private resolveDraft(clause: DefineClauseDto['clauses'][number], index: number): ClauseDraftCommand {
    const defaults = this.config.clauses;
    const firstHire = clause.firstHireWithinMonths ?? defaults.firstHireMonths;
    const full = clause.fullFulfilmentWithinMonths ?? Math.max(firstHire, defaults.fullFulfilmentMonths);
    if (full < firstHire) {
      const field = `clauses.${index}.fullFulfilmentWithinMonths`;
      throw new InvalidInputError(`${field} must not be less than firstHireWithinMonths (${firstHire})`, { fields: [field] });
    }
    return {
      lotNumber: clause.lotNumber ?? null,
      requiredHires: clause.requiredHires,
      weeklyHoursPerHire: clause.weeklyHoursPerHire ?? null,
      totalWeeklyHours: clause.totalWeeklyHours ?? null,
      targetGroups: clause.targetGroups,
      employmentForms: clause.employmentForms,
      requiresRsvCooperation: clause.requiresRsvCooperation ?? false,
      earlyEndShare: clause.earlyEndShare ?? defaults.earlyEndCountShare,
      partnerPlacementsCount: clause.partnerPlacementsCount ?? true,
      firstHireWithinMonths: firstHire,
      fullFulfilmentWithinMonths: full,
    };
  }
}
