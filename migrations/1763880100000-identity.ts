import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity and tenancy: municipalities (the tenants), users, sessions, API keys, the
 * access log of reads of personal data, and the login rate-limit windows.
 * Secrets are stored only as SHA-256 digests (tokens, keys) or argon2id hashes (passwords).
 */
export class Identity1763880100000 implements MigrationInterface {
  name = 'Identity1763880100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE municipality (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name       text NOT NULL CONSTRAINT municipality_name_key UNIQUE CHECK (btrim(name) <> ''),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id     uuid NOT NULL REFERENCES municipality (id),
        email               text NOT NULL CONSTRAINT app_user_email_key UNIQUE CHECK (email = lower(email)),
        display_name        text NOT NULL,
        password_hash       text NOT NULL,
        role                text NOT NULL CHECK (role IN (
                              'admin', 'procurement_caseworker', 'employment_caseworker',
                              'jobcenter_contact', 'supplier_hr')),
        -- References supplier(id) once suppliers exist; a supplier HR contact sees only that supplier.
        supplier_id         uuid NULL,
        active              boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_supplier_iff_supplier_hr CHECK ((supplier_id IS NOT NULL) = (role = 'supplier_hr'))
      )`);
    await q.query('CREATE INDEX app_user_municipality_idx ON app_user (municipality_id)');

    await q.query(`
      CREATE TABLE user_session (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id         uuid NOT NULL REFERENCES app_user (id),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        token_hash      bytea NOT NULL CONSTRAINT user_session_token_hash_key UNIQUE,
        created_at      timestamptz NOT NULL DEFAULT now(),
        expires_at      timestamptz NOT NULL,
        revoked_at      timestamptz NULL,
        last_seen_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX user_session_user_idx ON user_session (user_id) WHERE revoked_at IS NULL');

    await q.query(`
      CREATE TABLE api_key (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        name            text NOT NULL,
        role            text NOT NULL CHECK (role IN ('jobcenter_contact', 'admin')),
        key_hash        bytea NOT NULL CONSTRAINT api_key_key_hash_key UNIQUE,
        created_by      uuid NULL REFERENCES app_user (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        revoked_at      timestamptz NULL
      )`);
    await q.query('CREATE INDEX api_key_municipality_idx ON api_key (municipality_id)');

    await q.query(`
      CREATE TABLE access_log (
        id               bigserial PRIMARY KEY,
        municipality_id  uuid NOT NULL REFERENCES municipality (id),
        actor_user_id    uuid NULL REFERENCES app_user (id),
        actor_api_key_id uuid NULL REFERENCES api_key (id),
        action           text NOT NULL,
        subject_type     text NOT NULL,
        subject_id       text NOT NULL,
        at               timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX access_log_municipality_idx ON access_log (municipality_id, id DESC)');
    // Append-only: an audit trail that can be edited proves nothing.
    await q.query(`
      CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);

    // Fixed-window counters of the login rate limit, shared by every API process. Keys are digests.
    await q.query(`
      CREATE TABLE rate_limit_window (
        key            text PRIMARY KEY,
        hits           integer NOT NULL,
        window_ends_at timestamptz NOT NULL,
        blocked_until  timestamptz NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limit_window');
    await q.query('DROP TABLE access_log');
    await q.query('DROP FUNCTION access_log_append_only()');
    await q.query('DROP TABLE api_key');
    await q.query('DROP TABLE user_session');
    await q.query('DROP TABLE app_user');
    await q.query('DROP TABLE municipality');
  }
}
