import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Upskilling programmes (opkvalificeringsforløb), e.g. an OPI training centre run with a
 * supplier: capacity, maximum duration, partners; participants enrolled -> completed or
 * dropped_out. A completed participant proposed on a job order becomes a candidate that
 * carries the link (candidate.upskilling_participant_id).
 */
export class Upskilling1763880600000 implements MigrationInterface {
  name = 'Upskilling1763880600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE upskilling_programme (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id     uuid NOT NULL REFERENCES municipality (id),
        name                text NOT NULL CHECK (btrim(name) <> ''),
        description         text NULL,
        capacity            integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        max_duration_months integer NOT NULL CHECK (max_duration_months BETWEEN 1 AND 120),
        contract_id         uuid NULL REFERENCES contract (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT upskilling_programme_tenant_key UNIQUE (id, municipality_id)
      )`);
    await q.query('CREATE INDEX upskilling_programme_tenant ON upskilling_programme (municipality_id, created_at)');
    await q.query(`
      CREATE TABLE upskilling_programme_partner (
        programme_id    uuid NOT NULL,
        municipality_id uuid NOT NULL,
        supplier_id     uuid NOT NULL,
        PRIMARY KEY (programme_id, supplier_id),
        FOREIGN KEY (programme_id, municipality_id) REFERENCES upskilling_programme (id, municipality_id),
        FOREIGN KEY (supplier_id, municipality_id) REFERENCES supplier (id, municipality_id)
      )`);
    await q.query(`
      CREATE TABLE upskilling_participant (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id   uuid NOT NULL,
        programme_id      uuid NOT NULL,
        state             text NOT NULL CHECK (state IN ('enrolled', 'completed', 'dropped_out')),
        version           integer NOT NULL DEFAULT 1,
        display_name      text NULL,
        start_date        date NOT NULL,
        planned_end_date  date NOT NULL CHECK (planned_end_date >= start_date),
        end_date          date NULL CHECK (end_date >= start_date),
        outcome           text NULL CHECK (outcome IN ('practicum', 'job', 'education', 'other')),
        note              text NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (programme_id, municipality_id) REFERENCES upskilling_programme (id, municipality_id)
      )`);
    await q.query('CREATE INDEX upskilling_participant_programme ON upskilling_participant (programme_id, state)');
    await q.query('ALTER TABLE candidate ADD COLUMN upskilling_participant_id uuid NULL REFERENCES upskilling_participant (id)');
    await q.query('CREATE INDEX candidate_upskilling_participant ON candidate (upskilling_participant_id) WHERE upskilling_participant_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE candidate DROP COLUMN upskilling_participant_id');
    await q.query('DROP TABLE upskilling_participant');
    await q.query('DROP TABLE upskilling_programme_partner');
    await q.query('DROP TABLE upskilling_programme');
  }
}
