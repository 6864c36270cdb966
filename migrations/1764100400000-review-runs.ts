import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each municipality's own monthly run: when it runs (follow_up_setting; no row = 08:00 on
 * the first working day), and one review_run row per municipality and period, written by
 * the run itself, so the scheduler can tell a month that has not run yet (and catch it up,
 * flagged late) from one that ran with nothing to review. A review gets the note the unit
 * shares with the supplier, and when the supplier last corrected its answers.
 */
export class ReviewRuns1764100400000 implements MigrationInterface {
  name = 'ReviewRuns1764100400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE follow_up_setting (
        municipality_id        uuid PRIMARY KEY REFERENCES municipality (id),
        review_run_working_day smallint NOT NULL CHECK (review_run_working_day BETWEEN 1 AND 10),
        review_run_time        text NOT NULL CHECK (review_run_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        updated_at             timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE review_run (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        period          text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        trigger         text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
        scheduled_for   timestamptz NULL,
        started_at      timestamptz NOT NULL,
        late            boolean NOT NULL DEFAULT false,
        reviews_created integer NOT NULL DEFAULT 0,
        CONSTRAINT review_run_municipality_period_key UNIQUE (municipality_id, period)
      )`);
    // The list of a municipality's runs pages by (period, id).
    await q.query('CREATE INDEX review_run_list_period ON review_run (municipality_id, period, id)');
    // Months that ran before this table existed have run: the scheduler must not run them again as late.
    await q.query(`
      INSERT INTO review_run (municipality_id, period, trigger, started_at, reviews_created)
      SELECT municipality_id, period, 'manual', min(created_at), count(*) FROM review GROUP BY municipality_id, period
      ON CONFLICT DO NOTHING`);

    await q.query('ALTER TABLE review ADD COLUMN note_to_supplier text NULL, ADD COLUMN corrected_at timestamptz NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE review DROP COLUMN corrected_at, DROP COLUMN note_to_supplier');
    await q.query('DROP TABLE review_run');
    await q.query('DROP TABLE follow_up_setting');
  }
}
