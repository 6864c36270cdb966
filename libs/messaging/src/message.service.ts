import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, Clock, NotFoundError, isUuid } from '@klausul/domain';
import { OutboxRepository, OutboxWriter } from '@klausul/outbox';
import { LinkBuilder } from '@klausul/links';
import { Keyset, type Page } from '@klausul/paging';
import { MESSAGE_SORTS, type MessageListQuery, type MessageView, toMessageView } from './message.dto';
import { type EmailTemplateName, type EmailTemplates, renderEmail } from './templates';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/**
 * An e-mail to log and send: a template of the catalogue and its data (never free text),
 * typed by the template's name.
 */
export type MessageDraft = {
  [N in EmailTemplateName]: {
    municipalityId: string;
    recipient: string;
    template: N;
    data: EmailTemplates[N];
    related?: { type: string; id: string };
  };
}[EmailTemplateName];

/** A webhook message to an active webhook_endpoint of the same municipality (its URL and signing secret). */
export interface WebhookDraft {
  municipalityId: string;
  endpointId: string;
  /** What happened, e.g. `job-description.forwarded`: the body's `type`, the X-Klausul-Event header and the log's template. */
  event: string;
  /** The body's `data`: ids and facts, no personal data the receiver should not have. */
  data: unknown;
  /** A line for the log (default: the event). */
  subject?: string;
  related?: { type: string; id: string };
}

/** What a webhook receiver gets as the JSON body. */
export interface WebhookBody {
  /** The message id, also sent as X-Klausul-Message-Id: the same on every attempt. */
  id: string;
  type: string;
  createdAt: string;
  data: unknown;
}


interface LoggedMessage {
  id: string;
  municipalityId: string;
  channel: 'email' | 'webhook';
  template: string;
  recipient: string;
  subject: string;
  text: string;
  html?: string;
  related?: { type: string; id: string };
  webhookEndpointId?: string;
}

/**
 * The referral log (formidlingslog): every message Klausul sends is a row first, and is
 * delivered by its own `deliver-message` job, so a retry never resends the others.
 */
@Injectable()
export class MessageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly outboxRows: OutboxRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly clock: Clock,
    private readonly links: LinkBuilder,
  ) {}

  /**
   * Renders e-mails from the template catalogue, logs them and queues their delivery, in the
   * caller's transaction. The log keeps what was sent (subject, text and HTML part).
   */
  async compose(manager: EntityManager, drafts: readonly MessageDraft[]): Promise<string[]> {
    return this.log(
      manager,
      drafts.map((d) => {
        const render = renderEmail as (name: EmailTemplateName, data: unknown, links: LinkBuilder) => ReturnType<typeof renderEmail>;
        const { subject, text, html } = render(d.template, d.data, this.links);
        return { id: randomUUID(), channel: 'email' as const, municipalityId: d.municipalityId, template: d.template, recipient: d.recipient, subject, text, html, related: d.related };
      }),
    );
  }

  /**
   * Logs webhook messages to active endpoints of their municipality and queues their
   * delivery, in the caller's transaction. The body is `{ id, type, createdAt, data }`,
   * signed at each attempt (see libs/messaging/README.md). An unknown or inactive endpoint is a 404.
   */
  async composeWebhook(manager: EntityManager, drafts: readonly WebhookDraft[]): Promise<string[]> {
    const messages: LoggedMessage[] = [];
    for (const d of drafts) {
      const endpoint = isUuid(d.endpointId) ? await this.endpoints.findActive(manager, d.municipalityId, d.endpointId) : null;
      if (!endpoint) throw new NotFoundError('webhook endpoint', d.endpointId);
      const id = randomUUID();
      const body: WebhookBody = { id, type: d.event, createdAt: this.clock.now().toISOString(), data: d.data };
      messages.push({
        id,
        municipalityId: d.municipalityId,
        channel: 'webhook',
        template: d.event,
        recipient: endpoint.url,
        subject: d.subject ?? d.event,
        text: JSON.stringify(body),
        related: d.related,
        webhookEndpointId: endpoint.id,
      });
    }
    return this.log(manager, messages);
  }

  /** One page of the municipality's messages, newest first unless sorted otherwise. */
  async list(actor: Actor, query: MessageListQuery): Promise<Page<MessageView>> {
    const keyset = Keyset.of(query, MESSAGE_SORTS, '-createdAt', 'm.id');
    const params: unknown[] = [actor.municipalityId];
    const where = ['m.municipality_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.status) add('m.delivery_status = ?', query.status);
    if (query.template) add('m.template = ?', query.template);
    if (query.relatedType) add('m.related_type = ?', query.relatedType);
    if (query.relatedId) add('m.related_id = ?', query.relatedId);
    const rows = await this.dataSource.query(
      `SELECT m.*, ${keyset.keyColumn} FROM message m WHERE ${where.join(' AND ')}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
    return keyset.page(rows, toMessageView);
  }

  async get(actor: Actor, id: string): Promise<MessageView> {
    const rows = isUuid(id)
      ? await this.dataSource.query('SELECT * FROM message WHERE id = $1 AND municipality_id = $2', [id, actor.municipalityId])
      : [];
    if (!rows[0]) throw new NotFoundError('message', id);
    return toMessageView(rows[0]);
  }

  /** Puts a failed message back in line for delivery (a no-op unless it failed). */
  async retry(actor: Actor, id: string): Promise<MessageView> {
    await this.dataSource.transaction(async (manager) => {
      const rows = isUuid(id)
        ? await manager.query('SELECT id FROM message WHERE id = $1 AND municipality_id = $2 FOR UPDATE', [id, actor.municipalityId])
        : [];
      if (!rows[0]) throw new NotFoundError('message', id);
      await this.outboxRows.retryFailed(manager, 'message', id);
    });
    return this.get(actor, id);
  }

  private async log(manager: EntityManager, messages: readonly LoggedMessage[]): Promise<string[]> {
    for (const m of messages) {
      await manager.query(
        `INSERT INTO message (id, municipality_id, channel, template, recipient, subject, body_text, body_html, related_type, related_id,
                              webhook_endpoint_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [m.id, m.municipalityId, m.channel, m.template, m.recipient, m.subject, m.text, m.html ?? null,
          m.related?.type ?? null, m.related?.id ?? null, m.webhookEndpointId ?? null],
      );
    }
    await this.outbox.write(
      manager,
      messages.map((m) => ({ municipalityId: m.municipalityId, job: 'deliver-message', entityId: m.id, entityTable: 'message' })),
    );
    return messages.map((m) => m.id);
  }
}
