import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InvalidInputError, type MunicipalityRole } from '@klausul/domain';
import type { Keyset } from '@klausul/paging';
import { isForeignKeyViolation, withoutPersonalData } from '../postgres-errors';

export type AccountTokenKind = 'invitation' | 'password_reset';

/** An account_token row (the token itself is never stored, only its digest). */
export interface AccountTokenRow {
  id: string;
  municipality_id: string;
  kind: AccountTokenKind;
  email: string;
  display_name: string | null;
  role: MunicipalityRole | null;
  supplier_id: string | null;
  user_id: string | null;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export interface NewAccountToken {
  municipalityId: string;
  kind: AccountTokenKind;
  tokenHash: Buffer;
  email: string;
  displayName?: string | null;
  role?: MunicipalityRole | null;
  supplierId?: string | null;
  userId?: string | null;
  createdBy?: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** An invitation of a list page, with the sort value its cursor carries. */
export type InvitationPageRow = AccountTokenRow & { page_key: string };

/** Every query of account_token. */
@Injectable()
export class AccountTokenRepository {
  async insert(manager: EntityManager, token: NewAccountToken): Promise<AccountTokenRow> {
    try {
      const [row] = (await manager.query(
        `INSERT INTO account_token (municipality_id, kind, token_hash, email, display_name, role, supplier_id, user_id, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [token.municipalityId, token.kind, token.tokenHash, token.email, token.displayName ?? null, token.role ?? null,
          token.supplierId ?? null, token.userId ?? null, token.createdBy ?? null, token.createdAt, token.expiresAt],
      )) as AccountTokenRow[];
      return row;
    } catch (error) {
      if (isForeignKeyViolation(error, 'account_token_supplier_fkey')) {
        throw new InvalidInputError('supplierId must be a supplier of your municipality', { field: 'supplierId' });
      }
      throw withoutPersonalData(error);
    }
  }

  /** The token with this digest, locked for the rest of the transaction (so it is used once). */
  async lockByHash(manager: EntityManager, kind: AccountTokenKind, tokenHash: Buffer): Promise<AccountTokenRow | null> {
    const [row] = (await manager.query('SELECT * FROM account_token WHERE token_hash = $1 AND kind = $2 FOR UPDATE', [tokenHash, kind])) as AccountTokenRow[];
    return row ?? null;
  }

  async findByHash(manager: EntityManager, kind: AccountTokenKind, tokenHash: Buffer): Promise<AccountTokenRow | null> {
    const [row] = (await manager.query('SELECT * FROM account_token WHERE token_hash = $1 AND kind = $2', [tokenHash, kind])) as AccountTokenRow[];
    return row ?? null;
  }

  async markUsed(manager: EntityManager, id: string, at: Date, userId?: string): Promise<void> {
    await manager.query('UPDATE account_token SET used_at = $2, user_id = coalesce($3, user_id) WHERE id = $1', [id, at, userId ?? null]);
  }

  /** Supersedes the open links of this kind: for an address (invitations, optionally in one municipality) or a user (resets). */
  async revokeOpen(manager: EntityManager, kind: AccountTokenKind, of: { email?: string; municipalityId?: string; userId?: string }, at: Date): Promise<void> {
    await manager.query(
      `UPDATE account_token SET revoked_at = $2
        WHERE kind = $1 AND used_at IS NULL AND revoked_at IS NULL
          AND ($3::text IS NULL OR email = $3) AND ($4::uuid IS NULL OR municipality_id = $4) AND ($5::uuid IS NULL OR user_id = $5)`,
      [kind, at, of.email ?? null, of.municipalityId ?? null, of.userId ?? null],
    );
  }

  /** One page of a municipality's invitations (only supplier HR invitations when `onlyRole` says so). */
  async listInvitations(manager: EntityManager, municipalityId: string, onlyRole: MunicipalityRole | null, keyset: Keyset): Promise<InvitationPageRow[]> {
    const params: unknown[] = [municipalityId, onlyRole];
    return (await manager.query(
      `SELECT t.*, ${keyset.keyColumn} FROM account_token t
        WHERE t.municipality_id = $1 AND t.kind = 'invitation' AND ($2::text IS NULL OR t.role = $2)${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    )) as InvitationPageRow[];
  }

  /** The names an invitation e-mail shows: the municipality's, the supplier's and the inviting person's. */
  async namesFor(manager: EntityManager, municipalityId: string, supplierId: string | null, userId: string | null) {
    const [row] = (await manager.query(
      `SELECT m.name AS municipality_name,
              (SELECT s.name FROM supplier s WHERE s.id = $2 AND s.municipality_id = m.id) AS supplier_name,
              (SELECT u.display_name FROM app_user u WHERE u.id = $3) AS invited_by
         FROM municipality m WHERE m.id = $1`,
      [municipalityId, supplierId, userId],
    )) as { municipality_name: string; supplier_name: string | null; invited_by: string | null }[];
    return row;
  }
}
