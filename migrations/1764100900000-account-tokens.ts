import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single-use links for accounts: an invitation (a person chooses their own password; the
 * user row is created on acceptance) and a password reset. Only the token's SHA-256 digest
 * is stored. Expiry is decided by the application's clock, so the column is written by it.
 */
export class AccountTokens1764100900000 implements MigrationInterface {
  name = 'AccountTokens1764100900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_token (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        kind            text NOT NULL CHECK (kind IN ('invitation', 'password_reset')),
        token_hash      bytea NOT NULL CONSTRAINT account_token_token_hash_key UNIQUE,
        email           text NOT NULL CHECK (email = lower(email)),
        display_name    text NULL,
        role            text NULL CHECK (role IN (
                          'admin', 'procurement_caseworker', 'employment_caseworker', 'jobcenter_contact', 'supplier_hr')),
        supplier_id     uuid NULL,
        -- A reset: whose password. An invitation: the user its acceptance created.
        user_id         uuid NULL REFERENCES app_user (id),
        created_by      uuid NULL REFERENCES app_user (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        expires_at      timestamptz NOT NULL,
        used_at         timestamptz NULL,
        -- Superseded by a newer link of the same kind for the same address.
        revoked_at      timestamptz NULL,
        CONSTRAINT account_token_invitation_fields CHECK (
          kind <> 'invitation' OR (role IS NOT NULL AND (supplier_id IS NOT NULL) = (role = 'supplier_hr') AND (user_id IS NULL OR used_at IS NOT NULL))),
        CONSTRAINT account_token_reset_fields CHECK (
          kind <> 'password_reset' OR (user_id IS NOT NULL AND role IS NULL AND supplier_id IS NULL)),
        CONSTRAINT account_token_supplier_fkey FOREIGN KEY (supplier_id, municipality_id) REFERENCES supplier (id, municipality_id)
      )`);
    await q.query('CREATE INDEX account_token_open_idx ON account_token (kind, email) WHERE used_at IS NULL AND revoked_at IS NULL');
    await q.query(`CREATE INDEX account_token_invitations_idx ON account_token (municipality_id, created_at, id) WHERE kind = 'invitation'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE account_token');
  }
}
