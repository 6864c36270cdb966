import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail sending in committed steps: `sending_started_at` is set (and committed) before the
 * SMTP conversation and cleared when it ends; a retry that finds it set knows the previous
 * attempt may have reached the relay, records `possibly_sent_at`, and resends only after the
 * window in which that attempt could still be in flight. Also an index for the outbox's
 * requeue sweep (rows relayed but not done, whose job a queue backend may have lost).
 */
export class MessageSending1764100700000 implements MigrationInterface {
  name = 'MessageSending1764100700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE message
        ADD COLUMN sending_started_at timestamptz NULL,
        ADD COLUMN possibly_sent_at timestamptz NULL`);
    await q.query(`
      CREATE INDEX outbox_in_flight ON outbox (relayed_at, id)
        WHERE relayed_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX outbox_in_flight');
    await q.query('ALTER TABLE message DROP COLUMN possibly_sent_at, DROP COLUMN sending_started_at');
  }
}
