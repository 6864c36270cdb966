import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@klausul/domain';
import { DEFAULT_PAGE_SIZE, decodeTupleCursor, encodeTupleCursor, isSerialId, type Page } from '@klausul/paging';

export type AuditKind = 'change' | 'read';

/** One line of the audit trail: a change (a workflow transition) or a read of personal data. */
export interface AuditEntry {
  kind: AuditKind;
  at: string;
  actor: { userId: string | null; apiKeyId: string | null; role: string | null };
  subject: { type: string; id: string };
  action: string;
  from: string | null;
  to: string | null;
}

interface AuditRow {
  kind: AuditKind;
  id: string;
  at: Date;
  at_key: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  actor_role: string | null;
  subject_type: string;
  subject_id: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
}

export const AUDIT_KINDS: readonly AuditKind[] = ['change', 'read'];
const KINDS = AUDIT_KINDS;

/** A page of the trail: optionally one log only (`kind`) and one person's entries only (`userId`). */
export interface AuditQuery {
  limit?: number;
  cursor?: string;
  before?: string;
  kind?: AuditKind;
  userId?: string;
}

/** The instant as UTC ISO 8601 with microseconds: what the cursor carries, exact to PostgreSQL's precision. */
const atKeyOf = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function isInstantKey(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value)) return false;
  const milliseconds = new Date(`${value.slice(0, 23)}Z`);
  // Refuses a day that does not exist (2025-02-30), which Date rolls over into March.
  return !Number.isNaN(milliseconds.getTime()) && milliseconds.toISOString().slice(0, 23) === value.slice(0, 23);
}

/**
 * Where a page of the trail ends. The trail merges two logs whose bigserial ids overlap, so
 * its order is (at, kind, id), newest first: at the same instant reads come before changes.
 */
class AuditKeyset {
  private constructor(
    readonly limit: number,
    private readonly after: { at: string; kind: AuditKind; id: string } | null,
  ) {}

  static of(query: { limit?: number; cursor?: string }): AuditKeyset {
    if (query.cursor === undefined) return new AuditKeyset(query.limit ?? DEFAULT_PAGE_SIZE, null);
    const [at, kind, id] = decodeTupleCursor(query.cursor, 'audit', [isInstantKey, (k) => KINDS.includes(k as AuditKind), isSerialId]);
    return new AuditKeyset(query.limit ?? DEFAULT_PAGE_SIZE, { at, kind: kind as AuditKind, id });
  }

  /**
   * The rows of one log after the cursor, as a condition its (municipality_id, at, id) index
   * answers: the cursor's own log continues after (at, id); the other log after or at `at`,
   * depending on which kind sorts first at the same instant.
   */
  condition(kind: AuditKind, alias: string, params: unknown[]): string {
    if (!this.after) return '';
    params.push(this.after.at);
    const at = `$${params.length}::timestamptz`;
    if (kind === this.after.kind) {
      params.push(this.after.id);
      return ` AND (${alias}.at, ${alias}.id) < (${at}, $${params.length}::bigint)`;
    }
    return ` AND ${alias}.at ${kind < this.after.kind ? '<=' : '<'} ${at}`;
  }

  page(rows: AuditRow[]): Page<AuditEntry> {
    const shown = rows.slice(0, this.limit);
    const last = shown[shown.length - 1];
    const nextCursor = rows.length > this.limit && last ? encodeTupleCursor('audit', [last.at_key, last.kind, String(last.id)]) : null;
    return { items: shown.map(toAuditEntry), nextCursor };
  }
}

/** The municipality's changes (workflow_transition) and reads (access_log), newest first. */
@Injectable()
export class AuditTrailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One page: each log reads at most a page from its own index, and the two are merged,
   * so the cost is that of a page whatever the size of either log.
   */
  async page(actor: Actor, query: AuditQuery): Promise<Page<AuditEntry>> {
    const keyset = AuditKeyset.of(query);
    const params: unknown[] = [actor.municipalityId, query.before ?? 'infinity'];
    // One person's entries: the (municipality_id, actor_user_id, at, id) indexes answer it as a range.
    const person = query.userId ? `$${params.push(query.userId)}::uuid` : null;
    const branch = (kind: AuditKind, alias: string) =>
      `${alias}.municipality_id = $1${person ? ` AND ${alias}.actor_user_id = ${person}` : ''} AND ${alias}.at < $2::timestamptz${keyset.condition(kind, alias, params)}
        ORDER BY ${alias}.at DESC, ${alias}.id DESC LIMIT ${keyset.limit + 1}`;
    const changes = `(SELECT 'change' AS kind, w.id, w.at, ${atKeyOf('w.at')} AS at_key, w.actor_user_id, w.actor_api_key_id, w.actor_role,
                 w.workflow AS subject_type, w.entity_id::text AS subject_id, w.event AS action, w.from_state, w.to_state
            FROM workflow_transition w WHERE ${branch('change', 'w')})`;
    const reads = `(SELECT 'read' AS kind, e.id, e.at, ${atKeyOf('e.at')} AS at_key, e.actor_user_id, e.actor_api_key_id, NULL AS actor_role,
                 e.subject_type, e.subject_id, e.action, NULL AS from_state, NULL AS to_state
            FROM access_log e WHERE ${branch('read', 'e')})`;
    // A kind asks one log only: the other log's branch is left out, not filtered afterwards.
    const branches = query.kind === 'change' ? [changes] : query.kind === 'read' ? [reads] : [changes, reads];
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT * FROM (${branches.join(' UNION ALL ')}) trail ORDER BY at DESC, kind DESC, id DESC LIMIT ${keyset.limit + 1}`,
      params,
    );
    return keyset.page(rows);
  }
}

function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    kind: r.kind,
    at: r.at.toISOString(),
    actor: { userId: r.actor_user_id, apiKeyId: r.actor_api_key_id, role: r.actor_role },
    subject: { type: r.subject_type, id: r.subject_id },
    action: r.action,
    from: r.from_state,
    to: r.to_state,
  };
}
