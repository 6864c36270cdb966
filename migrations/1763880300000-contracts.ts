import type { MigrationInterface, QueryRunner } from 'typeorm';

const TARGET_GROUPS = `'flexjob', 'cash_benefit', 'refugee', 'long_term_unemployed', 'disability_pension', 'apprentice_trainee', 'other'`;
const EMPLOYMENT_FORMS = `'ordinary', 'flexjob', 'wage_subsidy', 'trainee_apprentice', 'practicum'`;

/**
 * Phase 1 of the Odense model: suppliers, tenders with lots, screening, market dialogue,
 * clause drafts, and the contracts with employment clauses and partners an award creates.
 * Also the minimal placement table phase 2 builds on, alerts of the unit, municipal targets
 * and per-municipality clause thresholds. References to a supplier carry the municipality,
 * so no row can point at another tenant's supplier.
 */
export class Contracts1763880300000 implements MigrationInterface {
  name = 'Contracts1763880300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clause_threshold (
        municipality_id     uuid PRIMARY KEY REFERENCES municipality (id),
        min_duration_months integer NOT NULL CHECK (min_duration_months > 0),
        min_value_dkk       numeric(15, 2) NOT NULL CHECK (min_value_dkk >= 0),
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE supplier (
        id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id           uuid NOT NULL REFERENCES municipality (id),
        cvr                       char(8) NOT NULL CHECK (cvr ~ '^[1-9][0-9]{7}$'),
        name                      text NOT NULL CHECK (btrim(name) <> ''),
        registered_social_economy boolean NOT NULL DEFAULT false,
        created_at                timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT supplier_cvr_key UNIQUE (municipality_id, cvr),
        CONSTRAINT supplier_tenant_key UNIQUE (id, municipality_id)
      )`);
    // A supplier HR contact belongs to a supplier of its own municipality.
    await q.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_supplier_fkey
        FOREIGN KEY (supplier_id, municipality_id) REFERENCES supplier (id, municipality_id)`);
    await q.query('CREATE INDEX app_user_supplier_idx ON app_user (supplier_id) WHERE supplier_id IS NOT NULL');

    await q.query(`
      CREATE TABLE tender (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id     uuid NOT NULL REFERENCES municipality (id),
        reference           text NULL,
        title               text NOT NULL CHECK (btrim(title) <> ''),
        description         text NOT NULL DEFAULT '',
        procurement_area    text NOT NULL,
        estimated_value_dkk numeric(15, 2) NOT NULL CHECK (estimated_value_dkk >= 0),
        duration_months     integer NOT NULL CHECK (duration_months > 0),
        clause_required     boolean NOT NULL,
        state               text NOT NULL CHECK (state IN ('identified', 'screening', 'market_dialogue', 'clause_defined',
                              'published', 'awarded', 'handed_over', 'not_suitable', 'cancelled')),
        version             integer NOT NULL DEFAULT 1,
        no_meeting_reason   text NULL,
        closed_reason       text NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tender_reference_key UNIQUE (municipality_id, reference)
      )`);
    await q.query('CREATE INDEX tender_municipality_idx ON tender (municipality_id, created_at DESC)');

    await q.query(`
      CREATE TABLE tender_lot (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id     uuid NOT NULL REFERENCES municipality (id),
        tender_id           uuid NOT NULL REFERENCES tender (id),
        number              integer NOT NULL CHECK (number > 0),
        title               text NOT NULL CHECK (btrim(title) <> ''),
        estimated_value_dkk numeric(15, 2) NULL CHECK (estimated_value_dkk >= 0),
        CONSTRAINT tender_lot_number_key UNIQUE (tender_id, number)
      )`);

    await q.query(`
      CREATE TABLE tender_screening (
        tender_id          uuid PRIMARY KEY REFERENCES tender (id),
        municipality_id    uuid NOT NULL REFERENCES municipality (id),
        suitable_tasks     text[] NOT NULL,
        split_shifts       boolean NOT NULL,
        core_tasks         text[] NOT NULL,
        ancillary_tasks    text[] NOT NULL,
        upskilling_options text[] NOT NULL,
        estimated_hires    integer NOT NULL CHECK (estimated_hires >= 0),
        notes              text NOT NULL DEFAULT '',
        assessed_at        timestamptz NOT NULL
      )`);

    // Participants and notes may name people: they live here (erasable), never in the history's input.
    await q.query(`
      CREATE TABLE dialogue_meeting (
        id               uuid PRIMARY KEY,
        municipality_id  uuid NOT NULL REFERENCES municipality (id),
        tender_id        uuid NOT NULL REFERENCES tender (id),
        held_on          date NOT NULL,
        bidder_name      text NOT NULL CHECK (btrim(bidder_name) <> ''),
        supplier_id      uuid NULL,
        participants     text[] NOT NULL,
        notes            text NOT NULL DEFAULT '',
        willingness      text NOT NULL CHECK (willingness IN ('high', 'medium', 'low', 'none')),
        tasks_matched    text[] NOT NULL,
        upskilling_needs text[] NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (supplier_id, municipality_id) REFERENCES supplier (id, municipality_id)
      )`);
    await q.query('CREATE INDEX dialogue_meeting_tender_idx ON dialogue_meeting (tender_id)');

    const clauseTerms = `
        required_hires           integer NOT NULL CHECK (required_hires > 0),
        weekly_hours_per_hire    numeric(6, 2) NULL CHECK (weekly_hours_per_hire > 0 AND weekly_hours_per_hire <= 168),
        total_weekly_hours       numeric(9, 2) NULL CHECK (total_weekly_hours > 0),
        target_groups            text[] NOT NULL CHECK (cardinality(target_groups) > 0 AND target_groups <@ ARRAY[${TARGET_GROUPS}]),
        employment_forms         text[] NOT NULL CHECK (cardinality(employment_forms) > 0 AND employment_forms <@ ARRAY[${EMPLOYMENT_FORMS}]),
        requires_rsv_cooperation boolean NOT NULL,
        early_end_share          numeric(4, 3) NOT NULL CHECK (early_end_share >= 0 AND early_end_share <= 1),
        partner_placements_count boolean NOT NULL,
        CHECK (weekly_hours_per_hire IS NOT NULL OR total_weekly_hours IS NOT NULL)`;

    await q.query(`
      CREATE TABLE clause_draft (
        id                            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id               uuid NOT NULL REFERENCES municipality (id),
        tender_id                     uuid NOT NULL REFERENCES tender (id),
        lot_id                        uuid NULL REFERENCES tender_lot (id),
        first_hire_within_months      integer NOT NULL CHECK (first_hire_within_months > 0),
        full_fulfilment_within_months integer NOT NULL CHECK (full_fulfilment_within_months >= first_hire_within_months),
        created_at                    timestamptz NOT NULL DEFAULT now(),
        ${clauseTerms}
      )`);
    // One draft per lot, or one for the whole tender (lot_id NULL).
    await q.query(`CREATE UNIQUE INDEX clause_draft_lot_key ON clause_draft (tender_id, lot_id) NULLS NOT DISTINCT`);

    await q.query(`
      CREATE TABLE contract (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id   uuid NOT NULL REFERENCES municipality (id),
        tender_id         uuid NOT NULL REFERENCES tender (id),
        supplier_id       uuid NOT NULL,
        start_date        date NOT NULL,
        end_date          date NOT NULL CHECK (end_date > start_date),
        -- The check-first-hire milestone: the earliest first-hire deadline of its clauses (none without a clause).
        first_hire_due_on date NULL,
        -- Which phase of the Odense model the contract is in; phase 2 and 3 add theirs.
        phase             text NOT NULL CHECK (phase IN ('awarded', 'matching')),
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (supplier_id, municipality_id) REFERENCES supplier (id, municipality_id),
        CONSTRAINT contract_supplier_key UNIQUE (tender_id, supplier_id)
      )`);
    await q.query('CREATE INDEX contract_municipality_idx ON contract (municipality_id, supplier_id)');

    await q.query(`
      CREATE TABLE contract_lot (
        contract_id     uuid NOT NULL REFERENCES contract (id),
        lot_id          uuid NOT NULL REFERENCES tender_lot (id) CONSTRAINT contract_lot_awarded_once UNIQUE,
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        PRIMARY KEY (contract_id, lot_id)
      )`);

    await q.query(`
      CREATE TABLE employment_clause (
        id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id          uuid NOT NULL REFERENCES municipality (id),
        contract_id              uuid NOT NULL REFERENCES contract (id),
        lot_id                   uuid NULL REFERENCES tender_lot (id),
        first_hire_deadline      date NOT NULL,
        full_fulfilment_deadline date NOT NULL CHECK (full_fulfilment_deadline >= first_hire_deadline),
        created_at               timestamptz NOT NULL DEFAULT now(),
        ${clauseTerms}
      )`);
    await q.query('CREATE INDEX employment_clause_contract_idx ON employment_clause (contract_id)');

    await q.query(`
      CREATE TABLE contract_partner (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        contract_id     uuid NOT NULL REFERENCES contract (id),
        supplier_id     uuid NOT NULL,
        kind            text NOT NULL CHECK (kind IN ('rsv', 'subcontractor')),
        created_at      timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (supplier_id, municipality_id) REFERENCES supplier (id, municipality_id),
        CONSTRAINT contract_partner_key UNIQUE (contract_id, supplier_id)
      )`);

    // Minimal: phase 2 (matching) adds its workflow columns. replaces_placement_id links a
    // replacement to the position it fills, so counting never counts a position twice.
    await q.query(`
      CREATE TABLE placement (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id       uuid NOT NULL REFERENCES municipality (id),
        contract_id           uuid NOT NULL REFERENCES contract (id),
        clause_id             uuid NOT NULL REFERENCES employment_clause (id),
        partner_id            uuid NULL REFERENCES contract_partner (id),
        replaces_placement_id uuid NULL REFERENCES placement (id),
        target_group          text NOT NULL CHECK (target_group IN (${TARGET_GROUPS})),
        employment_form       text NOT NULL CHECK (employment_form IN (${EMPLOYMENT_FORMS})),
        start_date            date NOT NULL,
        end_date              date NULL CHECK (end_date >= start_date),
        end_reason            text NULL,
        agreed_weekly_hours   numeric(6, 2) NOT NULL CHECK (agreed_weekly_hours > 0 AND agreed_weekly_hours <= 168),
        agreed_months         integer NULL CHECK (agreed_months > 0),
        state                 text NOT NULL CHECK (state IN ('active', 'ended')),
        created_at            timestamptz NOT NULL DEFAULT now(),
        CHECK (state = 'active' OR end_date IS NOT NULL)
      )`);
    await q.query('CREATE INDEX placement_contract_idx ON placement (contract_id)');
    await q.query('CREATE INDEX placement_clause_idx ON placement (clause_id)');

    await q.query(`
      CREATE TABLE contract_alert (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        contract_id     uuid NOT NULL REFERENCES contract (id),
        kind            text NOT NULL CHECK (kind IN ('no_first_hire')),
        message         text NOT NULL,
        due_on          date NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        resolved_at     timestamptz NULL,
        CONSTRAINT contract_alert_once UNIQUE (contract_id, kind)
      )`);
    await q.query('CREATE INDEX contract_alert_open_idx ON contract_alert (municipality_id, created_at DESC) WHERE resolved_at IS NULL');

    await q.query(`
      CREATE TABLE municipal_target (
        municipality_id     uuid NOT NULL REFERENCES municipality (id),
        year                integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        clause_share        numeric(4, 3) NULL CHECK (clause_share >= 0 AND clause_share <= 1),
        hires_under_clauses integer NULL CHECK (hires_under_clauses >= 0),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        updated_by          uuid NULL REFERENCES app_user (id),
        PRIMARY KEY (municipality_id, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE municipal_target');
    await q.query('DROP TABLE contract_alert');
    await q.query('DROP TABLE placement');
    await q.query('DROP TABLE contract_partner');
    await q.query('DROP TABLE employment_clause');
    await q.query('DROP TABLE contract_lot');
    await q.query('DROP TABLE contract');
    await q.query('DROP TABLE clause_draft');
    await q.query('DROP TABLE dialogue_meeting');
    await q.query('DROP TABLE tender_screening');
    await q.query('DROP TABLE tender_lot');
    await q.query('DROP TABLE tender');
    await q.query('DROP INDEX app_user_supplier_idx');
    await q.query('ALTER TABLE app_user DROP CONSTRAINT app_user_supplier_fkey');
    await q.query('DROP TABLE supplier');
    await q.query('DROP TABLE clause_threshold');
  }
}
