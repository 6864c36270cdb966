import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SerialKeyset } from '@klausul/paging';
import { AccessLogEntry } from './access-log-entry.entity';

export interface NewAccessLogEntry {
  municipalityId: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
}

interface AccessLogRow {
  id: string;
  municipality_id: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  at: Date;
}

@Injectable()
export class AccessLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends the entries in one statement (a page of people shown writes one insert, not one per row). */
  async append(entries: NewAccessLogEntry | NewAccessLogEntry[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (Array.isArray(entries) && entries.length === 0) return;
    await manager.getRepository(AccessLogEntry).insert(entries);
  }

  /** One page of the municipality's log; `before` keeps only entries older than that entry. */
  async list(municipalityId: string, filters: { before?: string }, keyset: SerialKeyset): Promise<AccessLogEntry[]> {
    const params: unknown[] = [municipalityId];
    let where = 'e.municipality_id = $1';
    if (filters.before !== undefined) {
      params.push(filters.before);
      where += ` AND e.id < $${params.length}::bigint`;
    }
    const rows: AccessLogRow[] = await this.dataSource.query(
      `SELECT e.id, e.municipality_id, e.actor_user_id, e.actor_api_key_id, e.action, e.subject_type, e.subject_id, e.at
         FROM access_log e WHERE ${where}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
    const entries = this.dataSource.getRepository(AccessLogEntry);
    return rows.map((row) =>
      entries.create({
        id: row.id,
        municipalityId: row.municipality_id,
        actorUserId: row.actor_user_id,
        actorApiKeyId: row.actor_api_key_id,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        at: row.at,
      }),
    );
  }
}
