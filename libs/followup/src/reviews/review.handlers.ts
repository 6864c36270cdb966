import { Inject } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { addWorkingDays, systemActor, copenhagenInstant } from '@klausul/domain';
import { MessageService, type ReviewData } from '@klausul/messaging';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { WorkflowEngine } from '@klausul/workflow';
import { ReviewLinkSigner } from '../links/review-link.signer';
import { emailsOf, loadReview, type ReviewRow } from './review.queries';
import { reviewWorkflow } from './review.workflow';

const CASEWORKERS = ['procurement_caseworker', 'employment_caseworker'];

/** One e-mail per supplier and month: a signed link per review (contract) of the month. */
@HandlesJob('send-review-request')
export class SendReviewRequestHandler implements JobHandler<'send-review-request'> {
  constructor(
    private readonly messages: MessageService,
    private readonly signer: ReviewLinkSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(data: JobData<'send-review-request'>, { manager, now }: JobContext): Promise<void> {
    const [request] = await manager.query('SELECT * FROM review_request WHERE id = $1', [data.entityId]);
    if (!request) throw new UnrecoverableError(`review request ${data.entityId} does not exist`);
    const reviews: { id: string; contract_id: string; title: string; due_on: string; placements: number }[] = await manager.query(
      `SELECT r.id, r.contract_id, t.title, to_char(r.due_on, 'YYYY-MM-DD') AS due_on,
              (SELECT count(*)::int FROM placement_check pc WHERE pc.review_id = r.id) AS placements
         FROM review r JOIN contract c ON c.id = r.contract_id JOIN tender t ON t.id = c.tender_id
        WHERE r.supplier_id = $1 AND r.period = $2 ORDER BY t.title, r.id`,
      [request.supplier_id, request.period],
    );
    const recipients = await emailsOf(manager, { supplierId: request.supplier_id, roles: ['supplier_hr'] });
    if (recipients.length === 0) throw new UnrecoverableError('the supplier has no active HR contact to ask for the monthly confirmation');
    const exp = Math.floor(now.getTime() / 1000) + this.config.reviews.linkTtlDays * 86_400;
    const signed = [];
    for (const r of reviews) {
      const token = await this.signer.sign({ reviewId: r.id, supplierId: request.supplier_id, contractId: r.contract_id, period: request.period, exp });
      signed.push({ token, tenderTitle: r.title, placements: r.placements, dueOn: r.due_on });
    }
    await this.messages.compose(manager, [
      {
        municipalityId: request.municipality_id,
        template: 'review-request',
        recipient: recipients.join(', '),
        data: { period: request.period, linkTtlDays: this.config.reviews.linkTtlDays, reviews: signed },
        related: { type: 'review_request', id: request.id },
      },
    ]);
  }
}

/** A reminder to the supplier while the review still waits for its confirmation. */
@HandlesJob('remind-review')
export class RemindReviewHandler implements JobHandler<'remind-review'> {
  constructor(private readonly messages: MessageService) {}

  async handle(data: JobData<'remind-review'>, { manager }: JobContext): Promise<void> {
    const review = await loadReview(manager, data.entityId);
    if (!review || review.state !== 'awaiting_supplier') return;
    const recipients = await emailsOf(manager, { supplierId: review.supplier_id, roles: ['supplier_hr'] });
    if (recipients.length === 0) return;
    await this.messages.compose(manager, [
      {
        municipalityId: review.municipality_id,
        template: 'review-reminder',
        recipient: recipients.join(', '),
        data: { reviewId: review.id, period: review.period, tenderTitle: review.tender_title, dueOn: review.due_on },
        related: { type: 'review', id: review.id },
      },
    ]);
  }
}

/** At the deadline: an unanswered review becomes overdue, and the unit's caseworkers are alerted. */
@HandlesJob('review-deadline')
export class ReviewDeadlineHandler implements JobHandler<'review-deadline'> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly messages: MessageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(data: JobData<'review-deadline'>, { manager }: JobContext): Promise<void> {
    const review = await loadReview(manager, data.entityId);
    if (!review || review.state !== 'awaiting_supplier') return;
    const escalateAt = copenhagenInstant(addWorkingDays(review.due_on, this.config.reviews.escalationWorkingDays), 16);
    await this.engine.transitionWithin(manager, reviewWorkflow, review.id, 'mark_overdue', systemActor(review.municipality_id), {
      escalateAt: escalateAt.toISOString(),
    });
    const recipients = await emailsOf(manager, { municipalityId: review.municipality_id, roles: CASEWORKERS });
    await this.messages.compose(
      manager,
      recipients.map((recipient) => ({
        municipalityId: review.municipality_id,
        template: 'review-overdue' as const,
        recipient,
        data: reviewData(review),
        related: { type: 'review', id: review.id },
      })),
    );
  }
}

/** Still overdue a second interval later: the municipality's admins are alerted. */
@HandlesJob('escalate-review')
export class EscalateReviewHandler implements JobHandler<'escalate-review'> {
  constructor(private readonly messages: MessageService) {}

  async handle(data: JobData<'escalate-review'>, { manager }: JobContext): Promise<void> {
    const review = await loadReview(manager, data.entityId);
    if (!review || review.state !== 'overdue') return;
    const recipients = await emailsOf(manager, { municipalityId: review.municipality_id, roles: ['admin'] });
    await this.messages.compose(
      manager,
      recipients.map((recipient) => ({
        municipalityId: review.municipality_id,
        template: 'review-escalated' as const,
        recipient,
        data: reviewData(review),
        related: { type: 'review', id: review.id },
      })),
    );
  }
}

function reviewData(review: ReviewRow): ReviewData {
  return { reviewId: review.id, period: review.period, tenderTitle: review.tender_title, supplierName: review.supplier_name, dueOn: review.due_on };
}
