import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the unit's workspace (the web pages of issue 14) reads and writes beyond the REST
 * API: the jobcenter channels a job description is forwarded to (null = every active
 * channel, as before), the upskilling programme a concluded review offers, and indexes for
 * the overview's sorts (deadlines and severity, NULLs folded so the keyset never compares
 * NULL) and the audit trail's filter by person.
 */
export class UnitWorkspace1764200000000 implements MigrationInterface {
  name = 'UnitWorkspace1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE job_order ADD COLUMN forward_channel_ids uuid[] NULL');
    // Composite, as every tenant key is: a review can only offer its own municipality's programme.
    // No ON DELETE action: programmes are not deleted, and SET NULL would null municipality_id too.
    await q.query('ALTER TABLE review ADD COLUMN upskilling_programme_id uuid NULL');
    await q.query(`
      ALTER TABLE review ADD CONSTRAINT review_upskilling_programme_fkey
        FOREIGN KEY (upskilling_programme_id, municipality_id) REFERENCES upskilling_programme (id, municipality_id)`);
    await q.query(
      "CREATE INDEX job_order_due_list ON job_order (municipality_id, state, (COALESCE(candidates_due_on, 'infinity'::date)), id)",
    );
    await q.query(
      "CREATE INDEX contract_list_first_hire ON contract (municipality_id, (COALESCE(first_hire_due_on, 'infinity'::date)), id)",
    );
    await q.query(`
      CREATE INDEX contract_list_severity ON contract (municipality_id,
        (CASE compliance_status WHEN 'breached' THEN 0 WHEN 'at_risk' THEN 1 WHEN 'on_track' THEN 2 ELSE 3 END), id)`);
    await q.query('CREATE INDEX workflow_transition_by_person ON workflow_transition (municipality_id, actor_user_id, at, id)');
    await q.query('CREATE INDEX access_log_by_person ON access_log (municipality_id, actor_user_id, at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX access_log_by_person');
    await q.query('DROP INDEX workflow_transition_by_person');
    await q.query('DROP INDEX contract_list_severity');
    await q.query('DROP INDEX contract_list_first_hire');
    await q.query('DROP INDEX job_order_due_list');
    await q.query('ALTER TABLE review DROP CONSTRAINT review_upskilling_programme_fkey');
    await q.query('ALTER TABLE review DROP COLUMN upskilling_programme_id');
    await q.query('ALTER TABLE job_order DROP COLUMN forward_channel_ids');
  }
}
