import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Phase 3, the monthly follow-up: one review per contract and month, one placement check
 * per active placement in it, and one confirmation request per supplier and month. The
 * unique keys are what make a monthly run exactly once, however often it runs.
 */
export class Followup1763880500000 implements MigrationInterface {
  name = 'Followup1763880500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        contract_id     uuid NOT NULL REFERENCES contract (id),
        supplier_id     uuid NOT NULL,
        period          text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        state           text NOT NULL CHECK (state IN ('awaiting_supplier', 'submitted', 'overdue', 'concluded')),
        version         integer NOT NULL DEFAULT 1,
        due_on          date NOT NULL,
        supplier_note   text NULL,
        submitted_at    timestamptz NULL,
        discussion      text NULL,
        challenges      text NULL,
        actions         jsonb NOT NULL DEFAULT '[]',
        concluded_at    timestamptz NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (supplier_id, municipality_id) REFERENCES supplier (id, municipality_id),
        CONSTRAINT review_contract_period_key UNIQUE (contract_id, period)
      )`);
    await q.query('CREATE INDEX review_tenant_period ON review (municipality_id, period, state)');
    await q.query('CREATE INDEX review_supplier_period ON review (supplier_id, period)');

    // What the supplier confirmed for one placement; previous_weekly_hours pre-fills the form.
    await q.query(`
      CREATE TABLE placement_check (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id       uuid NOT NULL REFERENCES municipality (id),
        review_id             uuid NOT NULL REFERENCES review (id),
        placement_id          uuid NOT NULL REFERENCES placement (id),
        previous_weekly_hours numeric(6, 2) NOT NULL,
        still_employed        boolean NULL,
        weekly_hours          numeric(6, 2) NULL CHECK (weekly_hours > 0 AND weekly_hours <= 168),
        end_date              date NULL,
        end_reason            text NULL,
        note                  text NULL,
        confirmed_at          timestamptz NULL,
        CONSTRAINT placement_check_key UNIQUE (review_id, placement_id)
      )`);
    await q.query('CREATE INDEX placement_check_placement ON placement_check (placement_id)');

    // One confirmation e-mail per supplier and month: the row exists once, its outbox row is written with it.
    await q.query(`
      CREATE TABLE review_request (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        supplier_id     uuid NOT NULL,
        period          text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (supplier_id, municipality_id) REFERENCES supplier (id, municipality_id),
        CONSTRAINT review_request_supplier_period_key UNIQUE (supplier_id, period)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE review_request');
    await q.query('DROP TABLE placement_check');
    await q.query('DROP TABLE review');
  }
}
