import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset indexes for the lists of users, API keys, the audit trail, tenders and suppliers:
 * each ends in (sort column, id) behind the municipality. The audit trail merges
 * workflow_transition and access_log by time, so both get (municipality_id, at, id); the
 * access log alone pages by id (access_log_municipality_idx) and an entity's history by
 * (workflow, entity_id, id), which exist already. The supplier search is a prefix of the
 * name in any case or of the CVR number, which only pattern operator classes can answer.
 */
export class AdminLists1764100300000 implements MigrationInterface {
  name = 'AdminLists1764100300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX app_user_municipality_idx');
    await q.query('CREATE INDEX app_user_list_email ON app_user (municipality_id, email, id)');
    await q.query('CREATE INDEX app_user_list_created ON app_user (municipality_id, created_at, id)');

    await q.query('DROP INDEX api_key_municipality_idx');
    await q.query('CREATE INDEX api_key_list_created ON api_key (municipality_id, created_at, id)');

    await q.query('DROP INDEX workflow_transition_tenant_time');
    await q.query('CREATE INDEX workflow_transition_trail ON workflow_transition (municipality_id, at, id)');
    await q.query('CREATE INDEX access_log_trail ON access_log (municipality_id, at, id)');

    await q.query('DROP INDEX tender_municipality_idx');
    await q.query('CREATE INDEX tender_list_created ON tender (municipality_id, created_at, id)');
    await q.query('CREATE INDEX tender_list_state ON tender (municipality_id, state, created_at, id)');

    await q.query('CREATE INDEX supplier_list_name ON supplier (municipality_id, name, id)');
    await q.query('CREATE INDEX supplier_list_created ON supplier (municipality_id, created_at, id)');
    await q.query('CREATE INDEX supplier_list_rsv ON supplier (municipality_id, registered_social_economy, name, id)');
    await q.query('CREATE INDEX supplier_name_prefix ON supplier (municipality_id, lower(name) text_pattern_ops)');
    await q.query('CREATE INDEX supplier_cvr_prefix ON supplier (municipality_id, cvr bpchar_pattern_ops)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['supplier_list_name', 'supplier_list_created', 'supplier_list_rsv', 'supplier_name_prefix', 'supplier_cvr_prefix']) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query('DROP INDEX tender_list_state');
    await q.query('DROP INDEX tender_list_created');
    await q.query('CREATE INDEX tender_municipality_idx ON tender (municipality_id, created_at DESC)');

    await q.query('DROP INDEX access_log_trail');
    await q.query('DROP INDEX workflow_transition_trail');
    await q.query('CREATE INDEX workflow_transition_tenant_time ON workflow_transition (municipality_id, at)');

    await q.query('DROP INDEX api_key_list_created');
    await q.query('CREATE INDEX api_key_municipality_idx ON api_key (municipality_id)');

    await q.query('DROP INDEX app_user_list_created');
    await q.query('DROP INDEX app_user_list_email');
    await q.query('CREATE INDEX app_user_municipality_idx ON app_user (municipality_id)');
  }
}
