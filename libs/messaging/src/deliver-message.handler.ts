import { Inject } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { HandlesJob, RetryLaterError, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { inFlightWindowMs, relayCertainlyRefused } from './mail-attempt';
import { MailSender } from './mail-sender';
import { MessageSendingRepository } from './message-sending.repository';
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
 * already sent is not sent again.
 *
 * E-mail goes in committed steps (see MessageSending): "sending" before the SMTP
 * conversation, "sent" the moment the relay accepts. A retry that finds an attempt begun
 * but not finished (its worker died, or lost the database) records the message as possibly
 * sent and resends it, with the same Message-ID, only once that attempt cannot be in flight
 * any more; so two conversations for one message never overlap, and a crash duplicates a
 * message only if it falls between the relay's acceptance and the "sent" step.
 *
 * A webhook carries X-Klausul-Message-Id, the same on every attempt, so a receiver can tell
 * a resend after a crash.
 */
@HandlesJob('deliver-message')
export class DeliverMessageHandler implements JobHandler<'deliver-message'> {
  constructor(
    private readonly mail: MailSender,
    private readonly sending: MessageSendingRepository,
    private readonly webhooks: WebhookSender,
    private readonly endpoints: WebhookEndpointRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(data: JobData<'deliver-message'>, { manager, now }: JobContext): Promise<void> {
    // The runner's claim on the outbox row already keeps a second delivery of this job waiting.
    const [message]: MessageRow[] = await manager.query('SELECT * FROM message WHERE id = $1', [data.entityId]);
    if (!message) throw new UnrecoverableError(`message ${data.entityId} does not exist`);
    if (message.sent_at) return;
    if (message.channel === 'email') return this.sendEmail(message, now);
    if (message.channel === 'webhook') return this.sendWebhook(manager, message, now);
    throw new UnrecoverableError(`no delivery for the channel ${message.channel}`);
  }

  private async sendEmail(message: MessageRow, now: Date): Promise<void> {
    const windowMs = inFlightWindowMs(this.config.mail.timeoutMs);
    await this.sending.withSending(async (sending) => {
      const start = await sending.begin(message.id, windowMs);
      if (start.kind === 'already-sent') return;
      if (start.kind === 'wait') {
        throw new RetryLaterError(start.notBefore, 'possibly sent by an interrupted attempt; waiting until it cannot be in flight');
      }
      let providerId: string;
      try {
        providerId = await this.mail.send({
          messageId: `<${message.id}@klausul>`,
          to: message.recipient,
          subject: message.subject,
          text: message.body_text,
          html: message.body_html ?? undefined,
        });
      } catch (error) {
        const reason = (error as Error).message;
        if (relayCertainlyRefused(error)) await sending.refused(message.id, reason);
        else await sending.uncertain(message.id, `possibly sent: ${reason}`);
        throw error;
      }
      await sending.sent(message.id, now, providerId);
    });
  }

  private async sendWebhook(manager: EntityManager, message: MessageRow, now: Date): Promise<void> {
    // Count the attempt even when the send fails (committed apart from the rolled-back job).
    await manager.connection.query('UPDATE message SET attempts = attempts + 1 WHERE id = $1', [message.id]);
    try {
      const secret = message.webhook_endpoint_id
        ? await this.endpoints.secretOf(manager, message.municipality_id, message.webhook_endpoint_id)
        : null;
      if (!secret) throw new UnrecoverableError('the webhook endpoint is inactive or no longer exists');
      const providerId = await this.webhooks.send({
        url: message.recipient,
        messageId: message.id,
        event: message.template,
        body: message.body_text,
        secret,
        now,
      });
      await manager.query('UPDATE message SET sent_at = $2, provider_id = $3, last_error = NULL WHERE id = $1', [message.id, now, providerId]);
    } catch (error) {
      await manager.connection.query('UPDATE message SET last_error = left($2, 500) WHERE id = $1', [message.id, (error as Error).message]);
      throw error;
    }
  }
}
