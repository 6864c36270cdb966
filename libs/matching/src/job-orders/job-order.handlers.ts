import { UnrecoverableError } from 'bullmq';
import { LinkBuilder } from '@klausul/links';
import { type CandidatesStatusData, MessageService } from '@klausul/messaging';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { type JobDescriptionSource, jobDescriptionMail, jobDescriptionWebhook } from './job-description.content';
import { loadJobDescription, staffEmails, supplierHrEmails } from './job-order.queries';
import { RETRYABLE_STATES } from './job-order.workflow';

/** Forwarding: the job description goes to the channels chosen at the forward, or to every active channel of the municipality's jobcenter. */
@HandlesJob('dispatch-job-description')
export class DispatchJobDescriptionHandler implements JobHandler<'dispatch-job-description'> {
  constructor(
    private readonly messages: MessageService,
    private readonly links: LinkBuilder,
  ) {}

  async handle(data: JobData<'dispatch-job-description'>, { manager }: JobContext): Promise<void> {
    const order = await loadJobDescription(manager, data.entityId);
    if (!order) throw new UnrecoverableError(`job order ${data.entityId} does not exist`);
    // Cancelled or closed since it was queued (or retried): the jobcenter must not get it.
    if (!RETRYABLE_STATES.includes(order.state)) return;
    const channels: { kind: string; address: string | null; endpoint_id: string | null }[] = await manager.query(
      `SELECT kind, address, endpoint_id FROM jobcenter_channel
        WHERE municipality_id = $1 AND active AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY created_at`,
      [order.municipality_id, order.forward_channel_ids ?? null],
    );
    if (channels.length === 0) {
      throw new UnrecoverableError(
        order.forward_channel_ids
          ? 'the jobcenter channels chosen at the forward were all removed: the job order cannot be sent again to them'
          : 'no jobcenter channel is configured: add one at /api/v1/jobcenter-channels, then retry the job order',
      );
    }
    const related = { type: 'job_order', id: order.id };
    const mail = jobDescriptionMail(order);
    await this.messages.compose(
      manager,
      channels
        .filter((c) => c.kind === 'email')
        .map((c) => ({ municipalityId: order.municipality_id, template: 'job-description' as const, recipient: c.address!, data: mail, related })),
    );
    const webhookData = jobDescriptionWebhook(order, this.links.jobcenterJobOrder(order.id));
    await this.messages.composeWebhook(
      manager,
      channels
        .filter((c) => c.kind === 'webhook')
        .map((c) => ({ municipalityId: order.municipality_id, endpointId: c.endpoint_id!, event: 'job-description.forwarded', data: webhookData, related })),
    );
  }
}

/** Two working days before the deadline: a reminder to the jobcenter, unless enough candidates came. */
@HandlesJob('remind-candidates-due')
export class RemindCandidatesDueHandler implements JobHandler<'remind-candidates-due'> {
  constructor(private readonly messages: MessageService) {}

  async handle(data: JobData<'remind-candidates-due'>, { manager }: JobContext): Promise<void> {
    const order = await loadJobDescription(manager, data.entityId);
    if (!order || order.state !== 'forwarded' || !order.candidates_due_on) return; // cancelled, closed, shortlisted or no deadline: nothing to remind
    const dueOn = order.candidates_due_on;
    const [{ proposed }] = await manager.query(
      `SELECT count(*)::int AS proposed FROM candidate WHERE job_order_id = $1 AND state NOT IN ('withdrawn', 'declined')`,
      [order.id],
    );
    if (proposed >= order.positions) return;
    const channels: { address: string }[] = await manager.query(
      `SELECT address FROM jobcenter_channel WHERE municipality_id = $1 AND active AND kind = 'email'`,
      [order.municipality_id],
    );
    await this.messages.compose(
      manager,
      channels.map((c) => ({
        municipalityId: order.municipality_id,
        template: 'candidates-reminder' as const,
        recipient: c.address,
        data: candidatesStatus(order, dueOn, proposed),
        related: { type: 'job_order', id: order.id },
      })),
    );
  }
}

/** At the deadline: alert the employment caseworkers when fewer candidates than positions were proposed. */
@HandlesJob('check-candidates-at-deadline')
export class CheckCandidatesAtDeadlineHandler implements JobHandler<'check-candidates-at-deadline'> {
  constructor(private readonly messages: MessageService) {}

  async handle(data: JobData<'check-candidates-at-deadline'>, { manager }: JobContext): Promise<void> {
    const order = await loadJobDescription(manager, data.entityId);
    if (!order || order.state !== 'forwarded' || !order.candidates_due_on) return;
    const dueOn = order.candidates_due_on;
    const [{ proposed }] = await manager.query(
      `SELECT count(*)::int AS proposed FROM candidate WHERE job_order_id = $1 AND state NOT IN ('withdrawn', 'declined')`,
      [order.id],
    );
    if (proposed >= order.positions) return;
    const recipients = await staffEmails(manager, order.municipality_id, ['employment_caseworker']);
    await this.messages.compose(
      manager,
      recipients.map((recipient) => ({
        municipalityId: order.municipality_id,
        template: 'candidates-missing' as const,
        recipient,
        data: candidatesStatus(order, dueOn, proposed),
        related: { type: 'job_order', id: order.id },
      })),
    );
  }
}

/** The shortlist is released: the supplier's HR contacts get a link to the candidates. */
@HandlesJob('send-shortlist')
export class SendShortlistHandler implements JobHandler<'send-shortlist'> {
  constructor(private readonly messages: MessageService) {}

  async handle(data: JobData<'send-shortlist'>, { manager }: JobContext): Promise<void> {
    const order = await loadJobDescription(manager, data.entityId);
    if (!order) throw new UnrecoverableError(`job order ${data.entityId} does not exist`);
    const [{ shortlisted }] = await manager.query(
      `SELECT count(*)::int AS shortlisted FROM candidate WHERE job_order_id = $1 AND state = 'shortlisted'`,
      [order.id],
    );
    const recipients = await supplierHrEmails(manager, order.supplier_id);
    await this.messages.compose(
      manager,
      recipients.map((recipient) => ({
        municipalityId: order.municipality_id,
        template: 'shortlist' as const,
        recipient,
        data: { jobOrderId: order.id, title: order.title, shortlisted },
        related: { type: 'job_order', id: order.id },
      })),
    );
  }
}

function candidatesStatus(order: JobDescriptionSource, candidatesDueOn: string, proposed: number): CandidatesStatusData {
  return {
    jobOrderId: order.id,
    title: order.title,
    supplierName: order.supplier_name,
    proposed,
    positions: order.positions,
    candidatesDueOn,
  };
}
