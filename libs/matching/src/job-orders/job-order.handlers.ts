import { Inject } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { MessageService } from '@klausul/messaging';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { jobDescriptionContent } from './job-description.content';
import { loadJobDescription, staffEmails, supplierHrEmails } from './job-order.queries';

/** Forwarding: the job description goes to every active channel of the municipality's jobcenter. */
@HandlesJob('dispatch-job-description')
export class DispatchJobDescriptionHandler implements JobHandler<'dispatch-job-description'> {
  constructor(
    private readonly messages: MessageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(data: JobData<'dispatch-job-description'>, { manager }: JobContext): Promise<void> {
    const order = await loadJobDescription(manager, data.entityId);
    if (!order) throw new UnrecoverableError(`job order ${data.entityId} does not exist`);
    const channels: { kind: string; address: string | null; endpoint_id: string | null }[] = await manager.query(
      `SELECT kind, address, endpoint_id FROM jobcenter_channel WHERE municipality_id = $1 AND active ORDER BY created_at`,
      [order.municipality_id],
    );
    if (channels.length === 0) {
      throw new UnrecoverableError('no jobcenter channel is configured: add one at /api/v1/jobcenter-channels, then retry the job order');
    }
    const content = jobDescriptionContent(order, `${this.config.publicUrl}/api/v1/job-orders/${order.id}`);
    const related = { type: 'job_order', id: order.id };
    const emails = channels.filter((c) => c.kind === 'email');
    await this.messages.compose(
      manager,
      emails.map((c) => ({ municipalityId: order.municipality_id, template: 'job-description', recipient: c.address!, subject: content.subject, text: content.text, html: content.html, related })),
    );
    await this.messages.composeWebhook(
      manager,
      channels
        .filter((c) => c.kind === 'webhook')
        .map((c) => ({ municipalityId: order.municipality_id, endpointId: c.endpoint_id!, event: 'job-description.forwarded', data: content.json, related })),
    );
  }
}

/** Two working days before the deadline: a reminder to the jobcenter, unless enough candidates came. */
@HandlesJob('remind-candidates-due')
export class RemindCandidatesDueHandler implements JobHandler<'remind-candidates-due'> {
  constructor(private readonly messages: MessageService) {}

  async handle(data: JobData<'remind-candidates-due'>, { manager }: JobContext): Promise<void> {
    const order = await loadJobDescription(manager, data.entityId);
    if (!order || order.state !== 'forwarded') return; // cancelled, closed or already shortlisted: nothing to remind
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
        template: 'candidates-reminder',
        recipient: c.address,
        subject: `Påmindelse: kandidater til "${order.title}" senest ${order.candidates_due_on}`,
        text: `Der er foreslået ${proposed} kandidat(er) til ${order.positions} stilling(er) hos ${order.supplier_name}.\nFrist: ${order.candidates_due_on}.`,
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
    if (!order || order.state !== 'forwarded') return;
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
        template: 'candidates-missing',
        recipient,
        subject: `Frist overskredet: ${proposed} af ${order.positions} kandidater til "${order.title}"`,
        text: `Fristen for kandidater til "${order.title}" hos ${order.supplier_name} var ${order.candidates_due_on}. Der er foreslået ${proposed} kandidat(er) til ${order.positions} stilling(er).`,
        related: { type: 'job_order', id: order.id },
      })),
    );
  }
}

/** The shortlist is released: the supplier's HR contacts get a link to the candidates. */
@HandlesJob('send-shortlist')
export class SendShortlistHandler implements JobHandler<'send-shortlist'> {
  constructor(
    private readonly messages: MessageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(data: JobData<'send-shortlist'>, { manager }: JobContext): Promise<void> {
    const order = await loadJobDescription(manager, data.entityId);
    if (!order) throw new UnrecoverableError(`job order ${data.entityId} does not exist`);
    const [{ shortlisted }] = await manager.query(
      `SELECT count(*)::int AS shortlisted FROM candidate WHERE job_order_id = $1 AND state = 'shortlisted'`,
      [order.id],
    );
    const recipients = await supplierHrEmails(manager, order.supplier_id);
    const link = `${this.config.publicUrl}/api/v1/job-orders/${order.id}/candidates`;
    await this.messages.compose(
      manager,
      recipients.map((recipient) => ({
        municipalityId: order.municipality_id,
        template: 'shortlist',
        recipient,
        subject: `${shortlisted} kandidater til "${order.title}"`,
        text: `Jobcentret har fundet ${shortlisted} kandidat(er) til "${order.title}".\nSe dem og aftal samtaler: ${link}`,
        related: { type: 'job_order', id: order.id },
      })),
    );
  }
}
