import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The engine's history and outbox, idempotency records, and the probe workflow. */
export class WorkflowEngine1763880200000 implements MigrationInterface {
  name = 'WorkflowEngine1763880200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workflow_transition (
        id               bigserial PRIMARY KEY,
        municipality_id  uuid NOT NULL REFERENCES municipality (id),
        workflow         text NOT NULL,
        entity_id        uuid NOT NULL,
        event            text NOT NULL,
        from_state       text,
        to_state         text NOT NULL,
        version          integer NOT NULL,
        actor_role       text NOT NULL,
        actor_user_id    uuid,
        actor_api_key_id uuid,
        input            jsonb NOT NULL DEFAULT '{}',
        at               timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX workflow_transition_entity ON workflow_transition (workflow, entity_id, id)');
    await q.query('CREATE INDEX workflow_transition_tenant_time ON workflow_transition (municipality_id, at)');
    // The history is the audit trail: rows are never changed or removed.
    await q.query(`
      CREATE FUNCTION workflow_transition_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'workflow_transition is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER workflow_transition_append_only BEFORE UPDATE OR DELETE ON workflow_transition
        FOR EACH ROW EXECUTE FUNCTION workflow_transition_append_only()`);

    await q.query(`
      CREATE TABLE outbox (
        id              bigserial PRIMARY KEY,
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        job_name        text NOT NULL,
        queue           text NOT NULL,
        entity_id       uuid NOT NULL,
        entity_table    text,
        transition_id   bigint REFERENCES workflow_transition (id),
        payload         jsonb NOT NULL DEFAULT '{}',
        round           integer NOT NULL DEFAULT 0,
        created_at      timestamptz NOT NULL DEFAULT now(),
        relayed_at      timestamptz,
        completed_at    timestamptz,
        failed_at       timestamptz,
        last_error      text
      )`);
    await q.query('CREATE INDEX outbox_pending ON outbox (id) WHERE relayed_at IS NULL AND failed_at IS NULL');
    await q.query('CREATE INDEX outbox_entity ON outbox (entity_id)');

    await q.query(`
      CREATE TABLE probe (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id  uuid NOT NULL REFERENCES municipality (id),
        state            text NOT NULL CHECK (state IN ('open', 'pinged', 'closed')),
        version          integer NOT NULL DEFAULT 1,
        delivery_status  text NOT NULL DEFAULT 'none' CHECK (delivery_status IN ('none', 'pending', 'delivered', 'failed')),
        fail_permanently boolean NOT NULL DEFAULT false,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE probe_effect (
        outbox_id       bigint PRIMARY KEY REFERENCES outbox (id),
        probe_id        uuid NOT NULL REFERENCES probe (id),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        recorded_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX probe_effect_probe ON probe_effect (probe_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE probe_effect');
    await q.query('DROP TABLE probe');
    await q.query('DROP TABLE outbox');
    await q.query('DROP TABLE workflow_transition');
    await q.query('DROP FUNCTION workflow_transition_append_only');
  }
}
