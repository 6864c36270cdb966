import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queueOf, type JobName } from '@klausul/queue';

/** Channel the relay LISTENs on; NOTIFY is delivered when the writing transaction commits. */
export const OUTBOX_CHANNEL = 'klausul_outbox';

export interface OutboxEntry {
  municipalityId: string;
  job: JobName;
  /** The entity the effect belongs to, and its table (for delivery_status). */
  entityId: string;
  entityTable?: string;
  transitionId?: string;
  /** Extra ids for the payload; never personal data. */
  payload?: Record<string, string>;
}

/** Writes side effects as outbox rows inside the caller's transaction. */
@Injectable()
export class OutboxWriter {
  async write(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO outbox (municipality_id, job_name, queue, entity_id, entity_table, transition_id, payload)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::bigint[], $7::jsonb[])
       RETURNING id`,
      [
        entries.map((e) => e.municipalityId),
        entries.map((e) => e.job),
        entries.map((e) => queueOf(e.job)),
        entries.map((e) => e.entityId),
        entries.map((e) => e.entityTable ?? null),
        entries.map((e) => e.transitionId ?? null),
        entries.map((e) => JSON.stringify(e.payload ?? {})),
      ],
    );
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
    return rows.map((r) => String(r.id));
  }
}
