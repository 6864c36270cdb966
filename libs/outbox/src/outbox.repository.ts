import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox.writer';

export interface ClaimedOutboxRow {
  id: string;
  entityId: string;
  entityTable: string | null;
}

/** An outbox row handed to the queue backend and not done yet: its job should be in the queue. */
export interface InFlightOutboxRow {
  id: string;
  jobName: string;
  queue: string;
  round: number;
  relayedAt: Date;
}

/** Queries on the outbox table. Entity table names come from workflow definitions (code), never from input. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Marks the row done inside the handler's transaction; null when it was done before. */
  async claimCompletion(manager: EntityManager, outboxId: string): Promise<ClaimedOutboxRow | null> {
    const [rows] = await manager.query(
      `UPDATE outbox SET completed_at = now(), failed_at = NULL, last_error = NULL
        WHERE id = $1 AND completed_at IS NULL
        RETURNING id, entity_id, entity_table`,
      [outboxId],
    );
    const row = rows[0];
    return row ? { id: String(row.id), entityId: row.entity_id, entityTable: row.entity_table } : null;
  }

  async markEntityDelivered(manager: EntityManager, row: ClaimedOutboxRow): Promise<void> {
    if (!row.entityTable) return;
    await manager.query(
      `UPDATE ${row.entityTable} SET delivery_status = 'delivered'
        WHERE id = $1 AND NOT EXISTS (
          SELECT 1 FROM outbox WHERE entity_id = $1 AND completed_at IS NULL AND id <> $2)`,
      [row.entityId, row.id],
    );
  }

  /** Final failure: the row waits for a retry, and its entity shows delivery_status = failed. */
  async markFailed(outboxId: string, error: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE outbox SET failed_at = now(), last_error = left($2, 500)
          WHERE id = $1 AND completed_at IS NULL RETURNING entity_id, entity_table`,
        [outboxId, error],
      );
      const row = rows[0];
      if (row?.entity_table) {
        await manager.query(`UPDATE ${row.entity_table} SET delivery_status = 'failed' WHERE id = $1`, [row.entity_id]);
      }
    });
  }

  /**
   * Rows relayed more than `graceMs` ago and neither completed nor failed, after the
   * (relayedAt, id) cursor of the previous page; the requeue sweep checks each one's job.
   */
  async inFlight(graceMs: number, after: { relayedAt: Date; id: string } | null, limit: number): Promise<InFlightOutboxRow[]> {
    const rows: { id: string; job_name: string; queue: string; round: number; relayed_at: Date }[] = await this.dataSource.query(
      `SELECT id, job_name, queue, round, relayed_at FROM outbox
        WHERE relayed_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL
          AND relayed_at < now() - make_interval(secs => $1::double precision / 1000)
          AND ($2::timestamptz IS NULL OR (relayed_at, id) > ($2::timestamptz, $3::bigint))
        ORDER BY relayed_at, id LIMIT $4`,
      [graceMs, after?.relayedAt ?? null, after?.id ?? null, limit],
    );
    return rows.map((r) => ({ id: String(r.id), jobName: r.job_name, queue: r.queue, round: r.round, relayedAt: r.relayed_at }));
  }

  /**
   * The queue backend lost this row's job: hand it to the relay again under a new round,
   * so the job gets a new id; the runner's claim still lets only one run take effect.
   * False when another sweeper, a completion or a retry got there first.
   */
  async requeueLost(row: Pick<InFlightOutboxRow, 'id' | 'round'>): Promise<boolean> {
    const [updated] = await this.dataSource.query(
      `UPDATE outbox SET relayed_at = NULL, round = round + 1
        WHERE id = $1 AND round = $2 AND relayed_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL
        RETURNING id`,
      [row.id, row.round],
    );
    if (updated.length > 0) await this.dataSource.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
    return updated.length > 0;
  }

  /**
   * Puts an entity's failed side effects back in line: a new round gives the BullMQ job a
   * new id (the failed job is still stored). Returns how many were requeued.
   */
  async retryFailed(manager: EntityManager, entityTable: string, entityId: string): Promise<number> {
    const [rows] = await manager.query(
      `UPDATE outbox SET failed_at = NULL, relayed_at = NULL, round = round + 1
        WHERE entity_id = $1 AND entity_table = $2 AND failed_at IS NOT NULL AND completed_at IS NULL
        RETURNING id`,
      [entityId, entityTable],
    );
    if (rows.length > 0) {
      await manager.query(`UPDATE ${entityTable} SET delivery_status = 'pending' WHERE id = $1`, [entityId]);
      await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
    }
    return rows.length;
  }
}
