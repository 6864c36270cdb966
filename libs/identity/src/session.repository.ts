import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, Role } from '@klausul/domain';

export interface SessionActor {
  sessionId: string;
  actor: Actor;
  /** The person's name, for the web pages' header. */
  displayName: string;
}

interface SessionActorRow {
  session_id: string;
  user_id: string;
  municipality_id: string;
  role: Role;
  supplier_id: string | null;
  display_name: string;
}

@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(
    user: { id: string; municipalityId: string },
    tokenHash: Buffer,
    ttlHours: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; expiresAt: Date }> {
    const [row] = (await manager.query(
      `INSERT INTO user_session (user_id, municipality_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4::int))
       RETURNING id, expires_at`,
      [user.id, user.municipalityId, tokenHash, ttlHours],
    )) as { id: string; expires_at: Date }[];
    return { id: row.id, expiresAt: row.expires_at };
  }

  /**
   * The actor behind a live session of an active user, with the user's current role
   * (a role change applies at once). Records the last use at most once a minute.
   */
  async findActor(tokenHash: Buffer): Promise<SessionActor | null> {
    const rows = (await this.dataSource.query(
      `WITH live AS (
         SELECT s.id AS session_id, u.id AS user_id, u.municipality_id, u.role, u.supplier_id, u.display_name
           FROM user_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active
       ), touched AS (
         UPDATE user_session SET last_seen_at = now()
          WHERE id IN (SELECT session_id FROM live) AND last_seen_at < now() - interval '1 minute'
       )
       SELECT * FROM live`,
      [tokenHash],
    )) as SessionActorRow[];
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: row.session_id,
      displayName: row.display_name,
      actor: {
        municipalityId: row.municipality_id,
        role: row.role,
        userId: row.user_id,
        apiKeyId: null,
        supplierId: row.supplier_id,
      },
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query('UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
      sessionId,
    ]);
  }

  /** Revokes every live session of the user, except the one given (the caller's own). */
  async revokeAllOfUser(userId: string, manager: EntityManager, exceptSessionId?: string): Promise<void> {
    await manager.query(
      `UPDATE user_session SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, exceptSessionId ?? null],
    );
  }
}
