import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@klausul/domain';

/** One line of the audit trail: a change (a workflow transition) or a read of personal data. */
export interface AuditEntry {
  kind: 'change' | 'read';
  at: string;
  actor: { userId: string | null; apiKeyId: string | null; role: string | null };
  subject: { type: string; id: string };
  action: string;
  from: string | null;
  to: string | null;
}

/** The municipality's changes (workflow_transition) and reads (access_log), newest first. */
@Injectable()
export class AuditTrailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(actor: Actor, options: { limit?: number; before?: string }): Promise<AuditEntry[]> {
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT 'change' AS kind, at, actor_user_id, actor_api_key_id, actor_role, workflow AS subject_type,
                entity_id::text AS subject_id, event AS action, from_state, to_state
           FROM workflow_transition WHERE municipality_id = $1 AND at < $2
         UNION ALL
         SELECT 'read', at, actor_user_id, actor_api_key_id, NULL, subject_type, subject_id, action, NULL, NULL
           FROM access_log WHERE municipality_id = $1 AND at < $2
       ) trail ORDER BY at DESC LIMIT $3`,
      [actor.municipalityId, options.before ?? 'infinity', options.limit ?? 100],
    );
    return rows.map((r) => ({
      kind: r.kind,
      at: new Date(r.at).toISOString(),
      actor: { userId: r.actor_user_id, apiKeyId: r.actor_api_key_id, role: r.actor_role },
      subject: { type: r.subject_type, id: r.subject_id },
      action: r.action,
      from: r.from_state,
      to: r.to_state,
    }));
  }
}
