import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, Clock, InvalidInputError } from '@klausul/domain';
import { placementWorkflow } from '@klausul/matching';
import { WorkflowEngine } from '@klausul/workflow';
import { ReviewLinkSigner } from '../links/review-link.signer';
import type { PlacementConfirmationDto, ReviewConfirmationDto, ReviewView } from './review.dto';
import { periodBounds } from './review-period';
import { ReviewService } from './review.service';
import { reviewWorkflow } from './review.workflow';

interface CheckRow {
  placement_id: string;
  start_text: string;
  state: string;
  agreed_weekly_hours: string;
}

/**
 * The supplier's monthly confirmation, signed in (supplier_hr) or through the e-mailed
 * link. One transaction: every answer is checked first, then placements end or change
 * hours through the placement workflow, and the review is submitted; any refusal changes nothing.
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

  /** The actor a valid link stands for: the review's supplier, for that review only. 401 when invalid or expired, 403 when it does not match. */
  async actorOfLink(token: string): Promise<{ actor: Actor; reviewId: string }> {
    const check = this.signer.verify(token, this.clock.now());
    if (!check.ok) throw new UnauthorizedException(check.reason === 'expired' ? 'the link has expired; ask the municipality for a new one' : 'the link is not valid');
    const [review] = await this.dataSource.query('SELECT id, municipality_id, supplier_id, contract_id, period FROM review WHERE id = $1', [check.claims.reviewId]);
    if (!review || review.contract_id !== check.claims.contractId || review.period !== check.claims.period) {
      throw new ForbiddenException('the link does not grant this review');
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

  async confirm(actor: Actor, reviewId: string, dto: ReviewConfirmationDto): Promise<ReviewView> {
    return this.dataSource.transaction(async (manager) => {
      await this.engine.load(manager, reviewWorkflow, reviewId, actor);
      const [review] = await manager.query('SELECT period FROM review WHERE id = $1 FOR UPDATE', [reviewId]);
      const checks: CheckRow[] = await manager.query(
        `SELECT pc.placement_id, to_char(p.start_date, 'YYYY-MM-DD') AS start_text, p.state, p.agreed_weekly_hours
           FROM placement_check pc JOIN placement p ON p.id = pc.placement_id WHERE pc.review_id = $1`,
        [reviewId],
      );
      const byId = new Map(checks.map((c) => [c.placement_id, c]));
      this.validate(dto.placements, byId, this.clock.now());
      const { first } = periodBounds(review.period);
      for (const answer of dto.placements) {
        await this.apply(manager, actor, reviewId, answer, byId.get(answer.placementId)!, first);
      }
      await this.engine.transitionWithin(manager, reviewWorkflow, reviewId, 'submit', actor, { note: dto.note ?? null, placements: dto.placements.length });
      return this.reviews.view(manager, reviewId);
    });
  }

  /** Every placement answered once, and each answer consistent; otherwise a 400 and nothing written. */
  private validate(answers: readonly PlacementConfirmationDto[], checks: Map<string, CheckRow>, now: Date): void {
    const seen = new Set<string>();
    const today = now.toISOString().slice(0, 10);
    for (const a of answers) {
      const check = checks.get(a.placementId);
      if (!check) throw new InvalidInputError(`placement ${a.placementId} is not part of this review`, { placementId: a.placementId });
      if (seen.has(a.placementId)) throw new InvalidInputError(`placement ${a.placementId} is answered twice`, { placementId: a.placementId });
      seen.add(a.placementId);
      if (a.stillEmployed) {
        if (a.weeklyHours === undefined) throw new InvalidInputError(`weeklyHours is required for placement ${a.placementId} when still employed`);
        if (a.endDate || a.endReason) throw new InvalidInputError(`placement ${a.placementId} is still employed, so it has no end date`);
      } else {
        if (!a.endDate || !a.endReason) throw new InvalidInputError(`endDate and endReason are required for placement ${a.placementId} when it ended`);
        if (a.endDate < check.start_text) throw new InvalidInputError(`the end date of placement ${a.placementId} is before its start (${check.start_text})`);
        if (a.endDate > today) throw new InvalidInputError(`the end date of placement ${a.placementId} is in the future`);
      }
    }
    const missing = [...checks.keys()].filter((id) => !seen.has(id));
    if (missing.length) throw new InvalidInputError(`every placement of the review needs an answer; missing: ${missing.join(', ')}`, { missing });
  }

  private async apply(manager: EntityManager, actor: Actor, reviewId: string, a: PlacementConfirmationDto, check: CheckRow, periodStart: string): Promise<void> {
    await manager.query(
      `UPDATE placement_check SET still_employed = $3, weekly_hours = $4, end_date = $5, end_reason = $6, note = $7, confirmed_at = $8
        WHERE review_id = $1 AND placement_id = $2`,
      [reviewId, a.placementId, a.stillEmployed, a.weeklyHours ?? null, a.endDate ?? null, a.endReason ?? null, a.note ?? null, this.clock.now()],
    );
    if (check.state !== 'active') return;
    if (!a.stillEmployed) {
      await this.engine.transitionWithin(manager, placementWorkflow, a.placementId, 'end', actor, { endDate: a.endDate, reason: a.endReason });
    } else if (Number(check.agreed_weekly_hours) !== a.weeklyHours) {
      const effectiveFrom = check.start_text > periodStart ? check.start_text : periodStart;
      await this.engine.transitionWithin(manager, placementWorkflow, a.placementId, 'change_hours', actor, { weeklyHours: a.weeklyHours, effectiveFrom });
    }
  }
}
