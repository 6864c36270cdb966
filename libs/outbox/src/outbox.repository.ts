import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox.writer';

export interface ClaimedOutboxRow {
  id: string;
  entityId: string;
  entityTable: string | null;
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
