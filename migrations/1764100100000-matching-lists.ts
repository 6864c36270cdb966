import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching lists that page and filter at a large municipality's size: keyset indexes
 * ending in (sort column, id), prefixed by the municipality or the parent the list is
 * read under. An index whose columns lead a new one is replaced by it.
 */
export class MatchingLists1764100100000 implements MigrationInterface {
  name = 'MatchingLists1764100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX job_order_contract');
    await q.query('DROP INDEX job_order_tenant_state');
    await q.query('CREATE INDEX job_order_list_created ON job_order (municipality_id, created_at, id)');
    await q.query('CREATE INDEX job_order_list_start ON job_order (municipality_id, start_date, id)');
    await q.query('CREATE INDEX job_order_list_supplier ON job_order (municipality_id, supplier_id, created_at, id)');
    await q.query('CREATE INDEX job_order_list_state ON job_order (municipality_id, state, created_at, id)');
    await q.query('CREATE INDEX job_order_list_contract ON job_order (contract_id, created_at, id)');

    await q.query('DROP INDEX candidate_job_order');
    await q.query('CREATE INDEX candidate_list ON candidate (job_order_id, created_at, id)');
    await q.query('CREATE INDEX candidate_list_state ON candidate (job_order_id, state, created_at, id)');
    // A contract's placement list names each hired person through the candidate who became the placement.
    await q.query('CREATE INDEX candidate_placement ON candidate (placement_id) WHERE placement_id IS NOT NULL');

    await q.query('CREATE INDEX placement_contract_state ON placement (contract_id, state, start_date, id)');

    await q.query('DROP INDEX jobcenter_channel_municipality');
    await q.query('CREATE INDEX jobcenter_channel_list ON jobcenter_channel (municipality_id, active, created_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX jobcenter_channel_list');
    await q.query('CREATE INDEX jobcenter_channel_municipality ON jobcenter_channel (municipality_id) WHERE active');
    await q.query('DROP INDEX placement_contract_state');
    for (const index of ['candidate_placement', 'candidate_list_state', 'candidate_list']) await q.query(`DROP INDEX ${index}`);
    await q.query('CREATE INDEX candidate_job_order ON candidate (job_order_id, state)');
    for (const index of ['job_order_list_contract', 'job_order_list_state', 'job_order_list_supplier', 'job_order_list_start', 'job_order_list_created']) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query('CREATE INDEX job_order_tenant_state ON job_order (municipality_id, state)');
    await q.query('CREATE INDEX job_order_contract ON job_order (contract_id)');
  }
}
