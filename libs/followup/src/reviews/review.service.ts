import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, Clock, InvalidInputError } from '@klausul/domain';
import { jobOrderWorkflow } from '@klausul/matching';
import { MessageService } from '@klausul/messaging';
import { Keyset, type Page } from '@klausul/paging';
import { WorkflowEngine } from '@klausul/workflow';
import { audienceOf, type ConcludeReviewDto, REVIEW_SORTS, type ReviewListQuery, type ReviewView, toReviewView } from './review.dto';
import { emailsOf, listReviews, loadReview, placementChecksOf, programmeOfMunicipality, replacementJobOrderOf, reviewWithNames } from './review.queries';
import { REVIEW_RUN_SORTS, type ReviewRunListQuery, type ReviewRunView, toReviewRunView } from './review-run.dto';
import { listReviewRuns } from './review-run.queries';
import { escalatedDueOnOrBefore, type Period, periodToReview } from './review-period';
import { reviewWorkflow } from './review.workflow';

/** How many of a month's reviews are in each state; `escalated` are overdue ones past their escalation (also counted in `overdue`). */
export interface ReviewStateCounts {
  awaiting_supplier: number;
  submitted: number;
  overdue: number;
  escalated: number;
  concluded: number;
}

/** Reading and concluding reviews; the supplier's confirmation is ReviewConfirmationService. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly messages: MessageService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The due day on or before which an overdue review counts as escalated now. */
  escalationCutoff(): string {
    return escalatedDueOnOrBefore(this.clock.now(), this.config.reviews.escalationWorkingDays);
  }

  /** The month of the municipality's newest review run, else the month the next run reviews: "this month's reviews". */
  async latestPeriod(actor: Actor): Promise<Period> {
    const [row]: { period: string }[] = await this.dataSource.query(
      'SELECT period FROM review_run WHERE municipality_id = $1 ORDER BY period DESC LIMIT 1',
      [actor.municipalityId],
    );
    return row?.period ?? periodToReview(this.clock.now());
  }

  /** A month's reviews counted by state, in one query (the unit's overview and the period page). */
  async stateCounts(actor: Actor, period: Period): Promise<ReviewStateCounts> {
    const [row]: Record<keyof ReviewStateCounts, string>[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE state = 'awaiting_supplier') AS awaiting_supplier,
              count(*) FILTER (WHERE state = 'submitted') AS submitted,
              count(*) FILTER (WHERE state = 'overdue') AS overdue,
              count(*) FILTER (WHERE state = 'overdue' AND due_on <= $3::date) AS escalated,
              count(*) FILTER (WHERE state = 'concluded') AS concluded
         FROM review WHERE municipality_id = $1 AND period = $2`,
      [actor.municipalityId, period, this.escalationCutoff()],
    );
    return {
      awaiting_supplier: Number(row.awaiting_supplier),
      submitted: Number(row.submitted),
      overdue: Number(row.overdue),
      escalated: Number(row.escalated),
      concluded: Number(row.concluded),
    };
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<ReviewView> {
    await this.engine.load(manager, reviewWorkflow, id, actor);
    return this.view(manager, id, actor);
  }

  /** The review and its placements as `actor` may see them (the unit's notes are not the supplier's), without checking that it may (callers have). */
  async view(manager: EntityManager, id: string, actor: Actor): Promise<ReviewView> {
    const review = await reviewWithNames(manager, id);
    return toReviewView(review!, await placementChecksOf(manager, [id]), audienceOf(actor.role));
  }

  /** One page of reviews with their placement checks (two queries); a supplier HR contact sees its own supplier's only. */
  async list(actor: Actor, query: ReviewListQuery): Promise<Page<ReviewView>> {
    const keyset = Keyset.of(query, REVIEW_SORTS, '-period', 'r.id');
    const supplierIds = [actor.role === 'supplier_hr' ? actor.supplierId : null, query.supplierId].filter((id): id is string => !!id);
    const manager = this.dataSource.manager;
    const escalated = query.escalated ? { escalated: query.escalated === 'true', cutoff: this.escalationCutoff() } : undefined;
    const rows = await listReviews(manager, actor.municipalityId, { supplierIds, period: query.period, state: query.state, contractId: query.contractId, escalated }, keyset);
    const checks = await placementChecksOf(manager, rows.slice(0, keyset.limit).map((row) => row.id));
    const audience = audienceOf(actor.role);
    return keyset.page(rows, (row) => toReviewView(row, checks.filter((check) => check.review_id === row.id), audience));
  }

  /** One page of the municipality's monthly runs, latest month first. */
  async listRuns(actor: Actor, query: ReviewRunListQuery): Promise<Page<ReviewRunView>> {
    const keyset = Keyset.of(query, REVIEW_RUN_SORTS, '-period', 'rr.id');
    return keyset.page(await listReviewRuns(this.dataSource.manager, actor.municipalityId, keyset), toReviewRunView);
  }

  /** The job order a replacement search on this review would reopen now (the contract's last closed one), for the conclude form to name. */
  async replacementJobOrder(actor: Actor, review: Pick<ReviewView, 'contractId'>): Promise<{ id: string; title: string } | null> {
    return (await replacementJobOrderOf(this.dataSource.manager, review.contractId)) ?? null;
  }

  /**
   * The unit concludes: records the talk and the actions (the unit's own) and what it chooses
   * to tell the supplier; a replacement reopens the contract's closed job order. The
   * supplier's link stops working.
   */
  async conclude(actor: Actor, id: string, dto: ConcludeReviewDto): Promise<ReviewView> {
    const actions = [...new Set(dto.actions ?? [])];
    if (actions.includes('notify_breach') && !dto.breachNote?.trim()) throw new InvalidInputError('notify_breach needs a breachNote for the supplier', { field: 'breachNote' });
    const offered = actions.includes('offer_upskilling');
    if (offered && !dto.upskillingProgrammeId) throw new InvalidInputError('offer_upskilling needs an upskillingProgrammeId', { field: 'upskillingProgrammeId' });
    return this.dataSource.transaction(async (manager) => {
      if (offered) {
        const programme = await programmeOfMunicipality(manager, actor.municipalityId, dto.upskillingProgrammeId!);
        if (!programme) throw new InvalidInputError('upskillingProgrammeId is not an upskilling programme of the municipality', { field: 'upskillingProgrammeId' });
        // Offering a place the programme does not have would promise the supplier's employee nothing.
        if (programme.placesLeft === 0) {
          throw new InvalidInputError('the upskilling programme has no places left: choose another one', { field: 'upskillingProgrammeId', reason: 'programme_full' });
        }
      }
      const upskillingProgrammeId = offered ? dto.upskillingProgrammeId! : null;
      const input = { discussion: dto.discussion, challenges: dto.challenges, actions, noteToSupplier: dto.noteToSupplier ?? null, upskillingProgrammeId };
      await this.engine.transitionWithin(manager, reviewWorkflow, id, 'conclude', actor, input, {
        expectedVersion: dto.expectedVersion,
      });
      const [review] = await manager.query('SELECT * FROM review WHERE id = $1', [id]);
      if (actions.includes('request_replacement')) {
        const order = await replacementJobOrderOf(manager, review.contract_id);
        if (order) await this.engine.transitionWithin(manager, jobOrderWorkflow, order.id, 'reopen', actor);
      }
      if (actions.includes('notify_breach')) {
        const recipients = await emailsOf(manager, { supplierId: review.supplier_id, roles: ['supplier_hr'] });
        const { tender_title: title } = (await loadReview(manager, id))!;
        await this.messages.compose(
          manager,
          recipients.map((recipient) => ({
            municipalityId: review.municipality_id,
            template: 'clause-breach' as const,
            recipient,
            data: { reviewId: id, period: review.period, tenderTitle: title, note: dto.breachNote! },
            related: { type: 'review', id },
          })),
        );
      }
      return this.view(manager, id, actor);
    });
  }
}
