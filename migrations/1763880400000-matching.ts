import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Phase 2: the jobcenter's channels, job orders (stillingsbeskrivelser), candidates, and placements as a workflow. */
export class Matching1763880400000 implements MigrationInterface {
  name = 'Matching1763880400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jobcenter_channel (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        kind            text NOT NULL CHECK (kind IN ('email', 'webhook')),
        name            text NOT NULL,
        -- email: the address; webhook: the signed endpoint (URL and secret live there).
        address         text NULL,
        endpoint_id     uuid NULL,
        active          boolean NOT NULL DEFAULT true,
        created_at      timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (endpoint_id, municipality_id) REFERENCES webhook_endpoint (id, municipality_id),
        CHECK ((kind = 'email' AND address IS NOT NULL) OR (kind = 'webhook' AND endpoint_id IS NOT NULL))
      )`);
    await q.query('CREATE INDEX jobcenter_channel_municipality ON jobcenter_channel (municipality_id) WHERE active');

    await q.query(`
      CREATE TABLE matching_setting (
        municipality_id        uuid PRIMARY KEY REFERENCES municipality (id),
        candidate_working_days integer NOT NULL DEFAULT 10 CHECK (candidate_working_days BETWEEN 1 AND 60),
        -- Retention of citizens' data; NULL means the configured default.
        retention_unsuccessful_months integer NULL CHECK (retention_unsuccessful_months BETWEEN 1 AND 36),
        retention_placement_months    integer NULL CHECK (retention_placement_months BETWEEN 1 AND 120),
        updated_at             timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE job_order (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id     uuid NOT NULL REFERENCES municipality (id),
        contract_id         uuid NOT NULL REFERENCES contract (id),
        supplier_id         uuid NOT NULL,
        state               text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'forwarded', 'shortlist_sent', 'closed', 'cancelled')),
        version             integer NOT NULL DEFAULT 1,
        delivery_status     text NOT NULL DEFAULT 'none' CHECK (delivery_status IN ('none', 'pending', 'delivered', 'failed')),
        title               text NOT NULL,
        tasks               text NOT NULL,
        weekly_hours        numeric(5, 2) NOT NULL CHECK (weekly_hours > 0 AND weekly_hours <= 80),
        shift_pattern       text NOT NULL CHECK (shift_pattern IN ('morning', 'afternoon', 'split', 'full_day', 'flexible')),
        workplace_address   text NOT NULL,
        start_date          date NOT NULL,
        positions           integer NOT NULL CHECK (positions > 0 AND positions <= 500),
        requirements        text NOT NULL DEFAULT '',
        learning_on_the_job text NOT NULL DEFAULT '',
        interview_contact   text NOT NULL,
        return_comment      text NULL,
        forwarded_at        timestamptz NULL,
        candidates_due_on   date NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (supplier_id, municipality_id) REFERENCES supplier (id, municipality_id)
      )`);
    await q.query('CREATE INDEX job_order_contract ON job_order (contract_id)');
    await q.query('CREATE INDEX job_order_tenant_state ON job_order (municipality_id, state)');

    // A citizen proposed by the jobcenter for one job order. No CPR number, no health details.
    await q.query(`
      CREATE TABLE candidate (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id        uuid NOT NULL REFERENCES municipality (id),
        job_order_id           uuid NOT NULL REFERENCES job_order (id),
        supplier_id            uuid NOT NULL,
        state                  text NOT NULL CHECK (state IN ('proposed', 'shortlisted', 'interview', 'hired', 'declined', 'rejected', 'withdrawn')),
        version                integer NOT NULL DEFAULT 1,
        display_name           text NULL,
        email                  text NULL,
        phone                  text NULL,
        cv_file_id             uuid NULL,
        application_text       text NULL,
        target_group           text NOT NULL,
        available_weekly_hours numeric(5, 2) NOT NULL CHECK (available_weekly_hours > 0 AND available_weekly_hours <= 80),
        preferred_shifts       text[] NOT NULL DEFAULT '{}',
        consent_given_on       date NOT NULL,
        consent_scope          text NOT NULL,
        interview_on           date NULL,
        rejection_reason       text NULL CHECK (rejection_reason IN ('qualifications', 'hours', 'no_show', 'other')),
        rejection_note         text NULL,
        decline_note           text NULL,
        placement_id           uuid NULL REFERENCES placement (id),
        proposed_by_user_id    uuid NULL REFERENCES app_user (id),
        proposed_by_api_key_id uuid NULL REFERENCES api_key (id),
        erased_at              timestamptz NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (supplier_id, municipality_id) REFERENCES supplier (id, municipality_id)
      )`);
    await q.query('CREATE INDEX candidate_job_order ON candidate (job_order_id, state)');

    // Placements become a workflow (active -> ended, with hour changes in its history).
    await q.query(`
      ALTER TABLE placement
        ADD COLUMN version     integer NOT NULL DEFAULT 1,
        ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN supplier_id uuid NULL`);
    await q.query('UPDATE placement p SET supplier_id = c.supplier_id FROM contract c WHERE c.id = p.contract_id');
    await q.query('ALTER TABLE placement ALTER COLUMN supplier_id SET NOT NULL');
    // The supplier a placement belongs to is always its contract's (a supplier HR contact sees only its own).
    await q.query(`
      CREATE FUNCTION placement_supplier_from_contract() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT supplier_id INTO NEW.supplier_id FROM contract WHERE id = NEW.contract_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER placement_supplier BEFORE INSERT OR UPDATE OF contract_id ON placement
        FOR EACH ROW EXECUTE FUNCTION placement_supplier_from_contract()`);
    await q.query(`
      CREATE TABLE placement_hours (
        placement_id    uuid NOT NULL REFERENCES placement (id),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        effective_from  date NOT NULL,
        weekly_hours    numeric(6, 2) NOT NULL CHECK (weekly_hours > 0 AND weekly_hours <= 168),
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (placement_id, effective_from)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE placement_hours');
    await q.query('DROP TRIGGER placement_supplier ON placement');
    await q.query('DROP FUNCTION placement_supplier_from_contract');
    await q.query('ALTER TABLE placement DROP COLUMN version, DROP COLUMN updated_at, DROP COLUMN supplier_id');
    await q.query('DROP TABLE candidate');
    await q.query('DROP TABLE job_order');
    await q.query('DROP TABLE matching_setting');
    await q.query('DROP TABLE jobcenter_channel');
  }
}
