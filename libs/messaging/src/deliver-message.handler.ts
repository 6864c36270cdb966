import { UnrecoverableError } from 'bullmq';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { MailSender } from './mail-sender';

/**
 * Delivers one logged message. Idempotent: a message already sent is not sent again.
 * A crash after the relay accepted it but before the commit makes the next attempt send
 * it once more, with the same Message-ID, so a receiver can tell.
 */
@HandlesJob('deliver-message')
export class DeliverMessageHandler implements JobHandler<'deliver-message'> {
  constructor(private readonly mail: MailSender) {}

  async handle(data: JobData<'deliver-message'>, { manager, now }: JobContext): Promise<void> {
    // The runner's claim on the outbox row already keeps a second delivery of this job waiting.
    const [message] = await manager.query('SELECT * FROM message WHERE id = $1', [data.entityId]);
    if (!message) throw new UnrecoverableError(`message ${data.entityId} does not exist`);
    if (message.sent_at) return;
    // Count the attempt even when the send fails (committed apart from the rolled-back job).
    await manager.connection.query('UPDATE message SET attempts = attempts + 1 WHERE id = $1', [message.id]);
    try {
      const providerId = await this.mail.send({
        messageId: `<${message.id}@klausul>`,
        to: message.recipient,
        subject: message.subject,
        text: message.body_text,
        html: message.body_html ?? undefined,
      });
      await manager.query('UPDATE message SET sent_at = $2, provider_id = $3, last_error = NULL WHERE id = $1', [message.id, now, providerId]);
    } catch (error) {
      await manager.connection.query('UPDATE message SET last_error = left($2, 500) WHERE id = $1', [message.id, (error as Error).message]);
      throw error;
    }
  }
}
