import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { MailSender } from './mail-sender';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookSender } from './webhook-sender';

interface MessageRow {
  id: string;
  municipality_id: string;
  channel: string;
  template: string;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  webhook_endpoint_id: string | null;
  sent_at: Date | null;
}

/**
 * Delivers one logged message on its channel (e-mail or webhook). Idempotent: a message
 * already sent is not sent again. A crash after the receiver accepted it but before the
 * commit makes the next attempt send it once more, with the same Message-ID (e-mail) or
 * X-Klausul-Message-Id (webhook), so a receiver can tell.
 */
@HandlesJob('deliver-message')
export class DeliverMessageHandler implements JobHandler<'deliver-message'> {
  constructor(
    private readonly mail: MailSender,
    private readonly webhooks: WebhookSender,
    private readonly endpoints: WebhookEndpointRepository,
  ) {}

  async handle(data: JobData<'deliver-message'>, { manager, now }: JobContext): Promise<void> {
    // The runner's claim on the outbox row already keeps a second delivery of this job waiting.
    const [message]: MessageRow[] = await manager.query('SELECT * FROM message WHERE id = $1', [data.entityId]);
    if (!message) throw new UnrecoverableError(`message ${data.entityId} does not exist`);
    if (message.sent_at) return;
    // Count the attempt even when the send fails (committed apart from the rolled-back job).
    await manager.connection.query('UPDATE message SET attempts = attempts + 1 WHERE id = $1', [message.id]);
    try {
      const providerId = await this.deliver(manager, message, now);
      await manager.query('UPDATE message SET sent_at = $2, provider_id = $3, last_error = NULL WHERE id = $1', [message.id, now, providerId]);
    } catch (error) {
      await manager.connection.query('UPDATE message SET last_error = left($2, 500) WHERE id = $1', [message.id, (error as Error).message]);
      throw error;
    }
  }

  /** Sends on the message's channel; returns the provider's id for the log. */
  private async deliver(manager: EntityManager, message: MessageRow, now: Date): Promise<string> {
    switch (message.channel) {
      case 'email':
        return this.mail.send({
          messageId: `<${message.id}@klausul>`,
          to: message.recipient,
          subject: message.subject,
          text: message.body_text,
          html: message.body_html ?? undefined,
        });
      case 'webhook': {
        const secret = message.webhook_endpoint_id
          ? await this.endpoints.secretOf(manager, message.municipality_id, message.webhook_endpoint_id)
          : null;
        if (!secret) throw new UnrecoverableError('the webhook endpoint is inactive or no longer exists');
        return this.webhooks.send({
          url: message.recipient,
          messageId: message.id,
          event: message.template,
          body: message.body_text,
          secret,
          now,
        });
      }
      default:
        throw new UnrecoverableError(`no delivery for the channel ${message.channel}`);
    }
  }
}
