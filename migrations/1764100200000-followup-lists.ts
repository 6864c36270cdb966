import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset indexes for the follow-up lists (reviews, upskilling programmes and their
 * participants) and the message log: each ends in (sort column, id) and starts with the
 * municipality or the parent the list is read within. Indexes they make redundant are
 * replaced (the old ones were prefixes of, or less selective than, the new).
 */
export class FollowupLists1764100200000 implements MigrationInterface {
  name = 'FollowupLists1764100200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX review_tenant_period');
    await q.query('DROP INDEX review_supplier_period');
    await q.query('CREATE INDEX review_list_period ON review (municipality_id, period, id)');
    await q.query('CREATE INDEX review_list_created ON review (municipality_id, created_at, id)');
    await q.query('CREATE INDEX review_list_state ON review (municipality_id, state, period, id)');
    await q.query('CREATE INDEX review_list_supplier ON review (supplier_id, period, id)');
    // A contract's reviews: review_contract_period_key (contract_id, period) is unique, so it already orders them.

    await q.query('DROP INDEX upskilling_programme_tenant');
    await q.query('CREATE INDEX upskilling_programme_list_created ON upskilling_programme (municipality_id, created_at, id)');
    // Also serves the count of a programme's enrolled participants.
    await q.query('DROP INDEX upskilling_participant_programme');
    await q.query('CREATE INDEX upskilling_participant_list_state ON upskilling_participant (programme_id, state, start_date, id)');
    await q.query('CREATE INDEX upskilling_participant_list_start ON upskilling_participant (programme_id, start_date, id)');
    await q.query('CREATE INDEX upskilling_participant_list_planned_end ON upskilling_participant (programme_id, planned_end_date, id)');

    await q.query('DROP INDEX message_tenant_time');
    await q.query('DROP INDEX message_related');
    await q.query('CREATE INDEX message_list_created ON message (municipality_id, created_at, id)');
    await q.query('CREATE INDEX message_list_status ON message (municipality_id, delivery_status, created_at, id)');
    await q.query('CREATE INDEX message_list_template ON message (municipality_id, template, created_at, id)');
    await q.query('CREATE INDEX message_list_related_type ON message (municipality_id, related_type, created_at, id)');
    await q.query('CREATE INDEX message_list_related ON message (related_id, created_at, id) WHERE related_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'message_list_created', 'message_list_status', 'message_list_template', 'message_list_related_type', 'message_list_related',
      'upskilling_participant_list_state', 'upskilling_participant_list_start', 'upskilling_participant_list_planned_end',
      'upskilling_programme_list_created',
      'review_list_period', 'review_list_created', 'review_list_state', 'review_list_supplier',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query('CREATE INDEX message_tenant_time ON message (municipality_id, created_at DESC)');
    await q.query('CREATE INDEX message_related ON message (related_type, related_id)');
    await q.query('CREATE INDEX upskilling_participant_programme ON upskilling_participant (programme_id, state)');
    await q.query('CREATE INDEX upskilling_programme_tenant ON upskilling_programme (municipality_id, created_at)');
    await q.query('CREATE INDEX review_supplier_period ON review (supplier_id, period)');
    await q.query('CREATE INDEX review_tenant_period ON review (municipality_id, period, state)');
  }
}
