import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, NotFoundError } from '@klausul/domain';
import { OutboxWriter } from '@klausul/outbox';
import { type MessageView, toMessageView } from './message.dto';

export interface MessageDraft {
  municipalityId: string;
  /** Which kind of message (e.g. supplier-welcome): for the log and for filtering. */
  template: string;
  recipient: string;
  subject: string;
  text: string;
  html?: string;
  related?: { type: string; id: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The referral log (formidlingslog): every message Klausul sends is a row first, and is
 * delivered by its own `deliver-message` job, so a retry never resends the others.
 */
@Injectable()
export class MessageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Logs the messages and queues their delivery, in the caller's transaction. */
  async compose(manager: EntityManager, drafts: readonly MessageDraft[]): Promise<string[]> {
    const ids: string[] = [];
    for (const d of drafts) {
      const [row] = await manager.query(
        `INSERT INTO message (municipality_id, channel, template, recipient, subject, body_text, body_html, related_type, related_id)
         VALUES ($1, 'email', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [d.municipalityId, d.template, d.recipient, d.subject, d.text, d.html ?? null, d.related?.type ?? null, d.related?.id ?? null],
      );
      ids.push(row.id);
    }
    await this.outbox.write(
      manager,
      drafts.map((d, i) => ({ municipalityId: d.municipalityId, job: 'deliver-message', entityId: ids[i], entityTable: 'message' })),
    );
    return ids;
  }

  async list(actor: Actor, options: { limit?: number; related?: string } = {}): Promise<MessageView[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM message WHERE municipality_id = $1 AND ($2::uuid IS NULL OR related_id = $2)
        ORDER BY created_at DESC, id LIMIT $3`,
      [actor.municipalityId, options.related ?? null, options.limit ?? 100],
    );
    return rows.map(toMessageView);
  }

  async get(actor: Actor, id: string): Promise<MessageView> {
    const rows = UUID.test(id)
      ? await this.dataSource.query('SELECT * FROM message WHERE id = $1 AND municipality_id = $2', [id, actor.municipalityId])
      : [];
    if (!rows[0]) throw new NotFoundError('message', id);
    return toMessageView(rows[0]);
  }
}
