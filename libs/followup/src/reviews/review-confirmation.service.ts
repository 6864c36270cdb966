import { ForbiddenException, GoneException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, Clock, copenhagenDateOf, GuardFailedError, InvalidInputError, InvalidTransitionError } from '@klausul/domain';
import { placementWorkflow } from '@klausul/matching';
import { allowedEvents, WorkflowEngine } from '@klausul/workflow';
import { ReviewLinkSigner } from '../links/review-link.signer';
import {
  effectOfAnswer,
  effectOfCorrection,
  type PlacementAnswer,
  type PlacementCheckState,
  type PlacementEffect,
  type RecordedAnswer,
  recordedOf,
  sameAnswer,
  validateAnswers,
} from './review-answers';
import type { ReviewConfirmationDto, ReviewView } from './review.dto';
import { periodBounds } from './review-period';
import { ReviewService } from './review.service';
import { type ReviewState, reviewWorkflow } from './review.workflow';

interface CheckRow {
  placement_id: string;
  start_text: string;
  state: string;
  previous_weekly_hours: string;
  current_weekly_hours: string;
  still_employed: boolean | null;
  weekly_hours: string | null;
  end_text: string | null;
  end_reason: string | null;
  note: string | null;
}

/**
 * The supplier's monthly confirmation and its corrections, signed in (supplier_hr) or through
 * the e-mailed link. One transaction each: every answer is checked first, then placements
 * end or change hours through the placement workflow, and the review is submitted (or
 * corrected); any refusal changes nothing.
 */
@Injectable()
export class ReviewConfirmationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly reviews: ReviewService,
    private readonly signer: ReviewLinkSigner,
    private readonly clock: Clock,
  ) {}

  /**
   * The actor a valid link stands for: the review's supplier, for that review only. 401 when
   * invalid or expired, 403 when it does not match the review, 410 once the unit has concluded it.
   */
  async actorOfLink(token: string): Promise<{ actor: Actor; reviewId: string }> {
    const check = await this.signer.verify(token, this.clock.now());
    if (!check.ok) throw new UnauthorizedException(check.reason === 'expired' ? 'the link has expired; ask the municipality for a new one' : 'the link is not valid');
    const { claims } = check;
    const [review] = await this.dataSource.query('SELECT id, municipality_id, supplier_id, contract_id, period, state FROM review WHERE id = $1', [claims.reviewId]);
    if (!review || review.contract_id !== claims.contractId || review.period !== claims.period || review.supplier_id !== claims.supplierId) {
      throw new ForbiddenException('the link does not grant this review');
    }
    if (review.state === 'concluded') {
      throw new GoneException({ code: 'REVIEW_CONCLUDED', message: `the municipality has concluded the review of ${review.period}; the link no longer works (sign in to see the review)` });
    }
    return {
      reviewId: review.id,
      actor: { municipalityId: review.municipality_id, role: 'supplier_hr', userId: null, apiKeyId: null, supplierId: review.supplier_id },
    };
  }

  async viewByLink(token: string): Promise<ReviewView> {
    const { actor, reviewId } = await this.actorOfLink(token);
    return this.reviews.get(actor, reviewId);
  }

  async confirmByLink(token: string, dto: ReviewConfirmationDto): Promise<ReviewView> {
    const { actor, reviewId } = await this.actorOfLink(token);
    return this.confirm(actor, reviewId, dto);
  }

  async correctByLink(token: string, dto: ReviewConfirmationDto): Promise<ReviewView> {
    const { actor, reviewId } = await this.actorOfLink(token);
    return this.correct(actor, reviewId, dto);
  }

  async confirm(actor: Actor, reviewId: string, dto: ReviewConfirmationDto): Promise<ReviewView> {
    return this.dataSource.transaction(async (manager) => {
      const { checks, periodStart } = await this.loadForAnswers(manager, actor, reviewId);
      validateAnswers(dto.placements, checks, copenhagenDateOf(this.clock.now()));
      for (const answer of dto.placements) {
        await this.record(manager, reviewId, answer);
        await this.applyEffect(manager, actor, answer.placementId, effectOfAnswer(answer, checks.get(answer.placementId)!, periodStart));
      }
      await this.engine.transitionWithin(manager, reviewWorkflow, reviewId, 'submit', actor, { note: dto.note ?? null, placements: dto.placements.length });
      return this.reviews.view(manager, reviewId, actor);
    });
  }

  /**
   * The supplier puts its own answers right until the unit concludes: the whole form again.
   * The `correct` history row holds, for each placement that changed, the answer before and
   * after (and the note before and after), which is what the caseworker reads.
   */
  async correct(actor: Actor, reviewId: string, dto: ReviewConfirmationDto): Promise<ReviewView> {
    return this.dataSource.transaction(async (manager) => {
      const { checks, periodStart, note, state } = await this.loadForAnswers(manager, actor, reviewId);
      // Said first, before the answers are compared: a review not yet confirmed (or concluded) has nothing to correct.
      const { table } = reviewWorkflow;
      if (!table.events.correct.from.includes(state)) throw new InvalidTransitionError(table.name, 'correct', state, allowedEvents(table, state, actor.role));
      validateAnswers(dto.placements, checks, copenhagenDateOf(this.clock.now()));
      const changes: { answer: PlacementAnswer; before: RecordedAnswer; after: RecordedAnswer; effect: PlacementEffect }[] = [];
      for (const answer of dto.placements) {
        const check = checks.get(answer.placementId)!;
        // Submitting answers every placement, so this is a check added after the submission: nothing to correct.
        const before = check.answer;
        if (!before) throw new InvalidInputError(`placement ${answer.placementId} has no recorded answer to correct`, { placementId: answer.placementId });
        const after = recordedOf(answer);
        if (sameAnswer(before, after)) continue;
        const effect = effectOfCorrection(before, answer, check, periodStart);
        if (effect.kind === 'refused') throw new GuardFailedError('review', 'correct', effect.reason);
        changes.push({ answer, before, after, effect });
      }
      const newNote = dto.note ?? null;
      if (changes.length === 0 && newNote === note) throw new InvalidInputError('the correction changes nothing: these are the answers already recorded');
      // The review's transition first: a concluded review (or a stale one) is refused before any placement changes.
      await this.engine.transitionWithin(manager, reviewWorkflow, reviewId, 'correct', actor, {
        note: newNote,
        noteBefore: note,
        changes: changes.map(({ answer, before, after }) => ({ placementId: answer.placementId, before, after })),
      });
      for (const { answer, effect } of changes) {
        await this.record(manager, reviewId, answer);
        await this.applyEffect(manager, actor, answer.placementId, effect);
      }
      return this.reviews.view(manager, reviewId, actor);
    });
  }

  /** The review (locked, as the actor may see it), its placements with their recorded answers, and its note. */
  private async loadForAnswers(manager: EntityManager, actor: Actor, reviewId: string) {
    await this.engine.load(manager, reviewWorkflow, reviewId, actor);
    const [review] = await manager.query('SELECT period, state, supplier_note FROM review WHERE id = $1 FOR UPDATE', [reviewId]);
    const { first, last } = periodBounds(review.period);
    const rows: CheckRow[] = await manager.query(
      `SELECT pc.placement_id, to_char(p.start_date, 'YYYY-MM-DD') AS start_text, p.state, pc.previous_weekly_hours,
              COALESCE((SELECT ph.weekly_hours FROM placement_hours ph WHERE ph.placement_id = p.id AND ph.effective_from <= $2
                         ORDER BY ph.effective_from DESC LIMIT 1), p.agreed_weekly_hours) AS current_weekly_hours,
              pc.still_employed, pc.weekly_hours, to_char(pc.end_date, 'YYYY-MM-DD') AS end_text, pc.end_reason, pc.note
         FROM placement_check pc JOIN placement p ON p.id = pc.placement_id WHERE pc.review_id = $1`,
      [reviewId, last],
    );
    const checks = new Map(rows.map((row) => [row.placement_id, toCheckState(row)]));
    return { checks, periodStart: first, state: review.state as ReviewState, note: (review.supplier_note as string | null) ?? null };
  }

  private async record(manager: EntityManager, reviewId: string, a: PlacementAnswer): Promise<void> {
    await manager.query(
      `UPDATE placement_check SET still_employed = $3, weekly_hours = $4, end_date = $5, end_reason = $6, note = $7,
              confirmed_at = COALESCE(confirmed_at, $8)
        WHERE review_id = $1 AND placement_id = $2`,
      [reviewId, a.placementId, a.stillEmployed, a.weeklyHours ?? null, a.endDate ?? null, a.endReason ?? null, a.note ?? null, this.clock.now()],
    );
  }

  private async applyEffect(manager: EntityManager, actor: Actor, placementId: string, effect: PlacementEffect): Promise<void> {
    if (effect.kind === 'end') {
      await this.engine.transitionWithin(manager, placementWorkflow, placementId, 'end', actor, { endDate: effect.endDate, reason: effect.reason });
    } else if (effect.kind === 'change_hours') {
      await this.engine.transitionWithin(manager, placementWorkflow, placementId, 'change_hours', actor, {
        weeklyHours: effect.weeklyHours,
        effectiveFrom: effect.effectiveFrom,
      });
    }
  }
}

function toCheckState(row: CheckRow): PlacementCheckState {
  return {
    placementId: row.placement_id,
    startDate: row.start_text,
    placementState: row.state,
    previousWeeklyHours: Number(row.previous_weekly_hours),
    currentWeeklyHours: Number(row.current_weekly_hours),
    answer:
      row.still_employed === null
        ? null
        : {
            stillEmployed: row.still_employed,
            weeklyHours: row.weekly_hours === null ? null : Number(row.weekly_hours),
            endDate: row.end_text,
            endReason: row.end_reason,
            note: row.note,
          },
  };
}
