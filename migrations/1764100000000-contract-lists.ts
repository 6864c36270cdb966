import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows a contract's compliance is counted from. */
const COUNTED_TABLES = ['placement', 'placement_hours', 'employment_clause'];

/**
 * Contract lists that page and filter at a large municipality's size:
 * - each contract keeps its compliance as of a day (hires, weekly hours, status), so the
 *   list filters by status and the dashboard adds up in SQL; a change of a placement, its
 *   hours or a clause clears the day (trigger), and the next read recounts that contract
 *   (and its number of clauses, which the dashboard selects by);
 *   `compliance_changes` lets a recount that raced with such a change leave it cleared;
 * - keyset indexes ending in (sort column, id) for every sort and filter of the list.
 */
export class ContractLists1764100000000 implements MigrationInterface {
  name = 'ContractLists1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contract
        ADD COLUMN compliance_on              date NULL,
        ADD COLUMN compliance_changes         bigint NOT NULL DEFAULT 0,
        ADD COLUMN compliance_status          text NULL CHECK (compliance_status IN ('on_track', 'at_risk', 'breached')),
        ADD COLUMN clause_count               integer NULL,
        ADD COLUMN hires_actual               integer NULL,
        ADD COLUMN hires_required             integer NULL,
        ADD COLUMN weekly_hours_actual        numeric(10, 2) NULL,
        ADD COLUMN weekly_hours_required      numeric(10, 2) NULL`);
    // Statement-level, so a bulk write (a seed, a monthly run) clears each contract once, not once per row.
    for (const table of COUNTED_TABLES) {
      const contracts = table === 'placement_hours' ? 'SELECT p.contract_id FROM changed c JOIN placement p ON p.id = c.placement_id' : 'SELECT contract_id FROM changed';
      await q.query(`
        CREATE FUNCTION ${table}_compliance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE contract SET compliance_on = NULL, compliance_changes = compliance_changes + 1 WHERE id IN (${contracts});
          RETURN NULL;
        END $$`);
      for (const [event, rows] of [['INSERT', 'NEW TABLE AS changed'], ['UPDATE', 'NEW TABLE AS changed'], ['DELETE', 'OLD TABLE AS changed']]) {
        await q.query(`
          CREATE TRIGGER ${table}_compliance_${event.toLowerCase()} AFTER ${event} ON ${table} REFERENCING ${rows}
            FOR EACH STATEMENT EXECUTE FUNCTION ${table}_compliance_changed()`);
      }
    }

    await q.query('DROP INDEX contract_municipality_idx');
    await q.query('CREATE INDEX contract_list_start ON contract (municipality_id, start_date, id)');
    await q.query('CREATE INDEX contract_list_end ON contract (municipality_id, end_date, id)');
    await q.query('CREATE INDEX contract_list_supplier ON contract (municipality_id, supplier_id, start_date, id)');
    await q.query('CREATE INDEX contract_list_tender ON contract (tender_id, start_date, id)');
    await q.query('CREATE INDEX contract_list_status ON contract (municipality_id, compliance_status, start_date, id)');
    await q.query('CREATE INDEX contract_compliance_due ON contract (municipality_id, compliance_on NULLS FIRST)');
    await q.query('DROP INDEX placement_contract_idx');
    await q.query('CREATE INDEX placement_contract_list ON placement (contract_id, start_date, id)');
    await q.query('DROP INDEX contract_alert_open_idx');
    await q.query('CREATE INDEX contract_alert_open_list ON contract_alert (municipality_id, created_at, id) WHERE resolved_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX contract_alert_open_list');
    await q.query('CREATE INDEX contract_alert_open_idx ON contract_alert (municipality_id, created_at DESC) WHERE resolved_at IS NULL');
    await q.query('DROP INDEX placement_contract_list');
    await q.query('CREATE INDEX placement_contract_idx ON placement (contract_id)');
    for (const index of ['contract_list_start', 'contract_list_end', 'contract_list_supplier', 'contract_list_tender', 'contract_list_status', 'contract_compliance_due']) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query('CREATE INDEX contract_municipality_idx ON contract (municipality_id, supplier_id)');
    for (const table of COUNTED_TABLES) {
      for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_compliance_${event} ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_compliance_changed`);
    }
    await q.query(`
      ALTER TABLE contract DROP COLUMN compliance_on, DROP COLUMN compliance_changes, DROP COLUMN compliance_status, DROP COLUMN clause_count,
        DROP COLUMN hires_actual, DROP COLUMN hires_required, DROP COLUMN weekly_hours_actual, DROP COLUMN weekly_hours_required`);
  }
}
