import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tasks due later (deadlines, reminders, milestones) and the log of every message Klausul sends. */
export class SchedulingAndMessages1763880250000 implements MigrationInterface {
  name = 'SchedulingAndMessages1763880250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scheduled_task (
        id              bigserial PRIMARY KEY,
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        job_name        text NOT NULL,
        queue           text NOT NULL,
        entity_id       uuid NOT NULL,
        entity_table    text,
        payload         jsonb NOT NULL DEFAULT '{}',
        transition_id   bigint REFERENCES workflow_transition (id),
        due_at          timestamptz NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        fired_at        timestamptz,
        cancelled_at    timestamptz
      )`);
    await q.query('CREATE INDEX scheduled_task_due ON scheduled_task (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL');
    await q.query('CREATE INDEX scheduled_task_entity ON scheduled_task (entity_id)');

    await q.query(`
      CREATE TABLE message (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        channel         text NOT NULL CHECK (channel IN ('email', 'webhook')),
        template        text NOT NULL,
        recipient       text NOT NULL,
        subject         text NOT NULL,
        body_text       text NOT NULL,
        body_html       text,
        related_type    text,
        related_id      uuid,
        delivery_status text NOT NULL DEFAULT 'pending' CHECK (delivery_status IN ('pending', 'delivered', 'failed')),
        attempts        integer NOT NULL DEFAULT 0,
        provider_id     text,
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz
      )`);
    await q.query('CREATE INDEX message_tenant_time ON message (municipality_id, created_at DESC)');
    await q.query('CREATE INDEX message_related ON message (related_type, related_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE message');
    await q.query('DROP TABLE scheduled_task');
  }
}
