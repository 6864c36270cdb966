import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Encrypted file storage (libs/files), and webhook endpoints for messages (libs/messaging):
 * a message on the webhook channel names the endpoint whose secret signs it.
 */
export class Files1763880350000 implements MigrationInterface {
  name = 'Files1763880350000';

  async up(q: QueryRunner): Promise<void> {
    // Content is AES-256-GCM ciphertext only; sha256 is of the plaintext. Deletion wipes content and name.
    await q.query(`
      CREATE TABLE stored_file (
        id              uuid PRIMARY KEY,
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        purpose         text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9-]{0,62}$'),
        original_name   text NOT NULL CHECK (btrim(original_name) <> '' AND length(original_name) <= 255),
        media_type      text NOT NULL CHECK (media_type IN ('application/pdf',
                          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                          'application/vnd.oasis.opendocument.text')),
        size            integer NOT NULL CHECK (size > 0),
        sha256          bytea NOT NULL CHECK (length(sha256) = 32),
        key_id          text NOT NULL,
        iv              bytea NOT NULL CHECK (length(iv) = 12),
        auth_tag        bytea NOT NULL CHECK (length(auth_tag) = 16),
        ciphertext      bytea NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        deleted_at      timestamptz NULL
      )`);
    await q.query('CREATE INDEX stored_file_tenant_time ON stored_file (municipality_id, created_at DESC)');
    // Key rotation looks for live files sealed with an old key.
    await q.query('CREATE INDEX stored_file_key ON stored_file (key_id) WHERE deleted_at IS NULL');

    await q.query(`
      CREATE TABLE webhook_endpoint (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        name            text NOT NULL CHECK (btrim(name) <> ''),
        url             text NOT NULL CHECK (url ~ '^https?://[^\\s]+$'),
        secret          text NOT NULL CHECK (length(secret) >= 16),
        active          boolean NOT NULL DEFAULT true,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_endpoint_name_key UNIQUE (municipality_id, name),
        CONSTRAINT webhook_endpoint_tenant_key UNIQUE (id, municipality_id)
      )`);
    await q.query(`
      ALTER TABLE message
        ADD COLUMN webhook_endpoint_id uuid NULL,
        ADD CONSTRAINT message_webhook_endpoint_fkey FOREIGN KEY (webhook_endpoint_id, municipality_id)
          REFERENCES webhook_endpoint (id, municipality_id),
        ADD CONSTRAINT message_webhook_endpoint_check CHECK ((channel = 'webhook') = (webhook_endpoint_id IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE message
        DROP CONSTRAINT message_webhook_endpoint_check,
        DROP CONSTRAINT message_webhook_endpoint_fkey,
        DROP COLUMN webhook_endpoint_id`);
    await q.query('DROP TABLE webhook_endpoint');
    await q.query('DROP TABLE stored_file');
  }
}
