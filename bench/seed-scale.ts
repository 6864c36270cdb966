/**
 * The data the benchmarks run on, seeded set-based (INSERT ... SELECT generate_series) in
 * one session, straight into the tables: municipalities, suppliers with one HR contact
 * each, active contracts (one tender and one clause each), active placements and, for
 * bench:api, job orders with their candidates.
 */
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '@klausul/database';
import { withClient } from './bench-support';

/** The schema the seed writes into, by the runner every process uses (the API then finds nothing to do). */
export async function migrate(url: string): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions({ url, applicationName: 'klausul-bench-migrate' })).initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export interface Scale {
  municipalities: number;
  suppliersPerMunicipality: number;
  contracts: number;
  placementsPerContract: number;
  /** Spread round-robin over the contracts; 0 seeds none. */
  jobOrders?: number;
  /** Spread round-robin over the job orders. */
  candidates?: number;
}

export async function seedScale(url: string, scale: Scale): Promise<void> {
  const { municipalities, suppliersPerMunicipality, contracts, placementsPerContract, jobOrders = 0, candidates = 0 } = scale;
  const contractsPerSupplier = Math.ceil(contracts / (municipalities * suppliersPerMunicipality));
  await withClient(url, async (c) => {
    await c.query(`INSERT INTO municipality (name) SELECT 'Benchmark kommune ' || g FROM generate_series(1, ${municipalities}) g`);
    await c.query(`
      INSERT INTO supplier (municipality_id, cvr, name)
      SELECT m.id, (10000000 + m.n * 1000 + s)::text, 'Leverandør ' || m.n || '-' || s
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM municipality WHERE name LIKE 'Benchmark kommune %') m, generate_series(1, ${suppliersPerMunicipality}) s`);
    await c.query(`
      INSERT INTO app_user (municipality_id, email, display_name, password_hash, role, supplier_id)
      SELECT municipality_id, 'hr-' || id || '@bench.example', 'HR', 'not-a-login', 'supplier_hr', id FROM supplier WHERE name LIKE 'Leverandør %'`);
    // The temporary table hands each contract its tender and clause ids before any of them exists.
    await c.query(`
      CREATE TEMP TABLE bench_contract AS
      SELECT gen_random_uuid() AS id, gen_random_uuid() AS tender_id, gen_random_uuid() AS clause_id, s.id AS supplier_id, s.municipality_id, k
        FROM supplier s, generate_series(1, ${contractsPerSupplier}) k
       WHERE s.name LIKE 'Leverandør %'
       ORDER BY k, s.id
       LIMIT ${contracts}`);
    await c.query(`
      INSERT INTO tender (id, municipality_id, title, procurement_area, estimated_value_dkk, duration_months, clause_required, state)
      SELECT tender_id, municipality_id, 'Udbud ' || k, 'cleaning', 10000000, 48, true, 'handed_over' FROM bench_contract`);
    await c.query(`
      INSERT INTO contract (id, municipality_id, tender_id, supplier_id, start_date, end_date, phase)
      SELECT id, municipality_id, tender_id, supplier_id, '2024-01-01', '2030-12-31', 'matching' FROM bench_contract`);
    await c.query(`
      INSERT INTO employment_clause (id, municipality_id, contract_id, first_hire_deadline, full_fulfilment_deadline, required_hires,
                                     weekly_hours_per_hire, target_groups, employment_forms, requires_rsv_cooperation, early_end_share, partner_placements_count)
      SELECT clause_id, municipality_id, id, '2024-07-01', '2025-01-01', ${placementsPerContract}, 10, '{flexjob}', '{flexjob}', false, 0.75, true FROM bench_contract`);
    await c.query(`
      INSERT INTO placement (municipality_id, contract_id, clause_id, target_group, employment_form, start_date, agreed_weekly_hours, state)
      SELECT b.municipality_id, b.id, b.clause_id, 'flexjob', 'flexjob', '2024-06-01', 10 + (p % 5), 'active'
        FROM bench_contract b, generate_series(1, ${placementsPerContract}) p`);
    if (jobOrders > 0) await seedMatching(c, jobOrders, candidates);
    await c.query('ANALYZE');
  });
}

/**
 * Job orders across the states a municipality holds at once, and candidates on them.
 * created_at steps back a minute a row, so a listing sorted by it has no ties to hide behind.
 * The count is a scalar subquery so the modulo join is a merge or hash join, not a nested loop.
 */
async function seedMatching(c: Client, jobOrders: number, candidates: number): Promise<void> {
  await c.query(`
    WITH numbered AS (SELECT id, municipality_id, supplier_id, row_number() OVER (ORDER BY id) - 1 AS n FROM contract)
    INSERT INTO job_order (municipality_id, contract_id, supplier_id, state, title, tasks, weekly_hours, shift_pattern, workplace_address,
                           start_date, positions, interview_contact, forwarded_at, candidates_due_on, created_at, updated_at)
    SELECT k.municipality_id, k.id, k.supplier_id, s.state, 'Stilling ' || g, 'Rengøring af kontorer', 10 + g % 15,
           (ARRAY['morning', 'afternoon', 'split', 'full_day', 'flexible'])[1 + g % 5], 'Vestergade ' || (1 + g % 90) || ', 5000 Odense C',
           '2026-03-01', 1 + g % 4, 'HR, 6612 3456',
           CASE WHEN s.state IN ('forwarded', 'shortlist_sent', 'closed') THEN now() - interval '10 days' END,
           CASE WHEN s.state IN ('forwarded', 'shortlist_sent', 'closed') THEN current_date + 4 END,
           now() - g * interval '1 minute', now() - g * interval '1 minute'
      FROM generate_series(0, ${jobOrders - 1}) g
      JOIN numbered k ON k.n = g % (SELECT count(*) FROM contract)
     CROSS JOIN LATERAL (SELECT (ARRAY['draft', 'submitted', 'forwarded', 'forwarded', 'shortlist_sent', 'closed'])[1 + g % 6] AS state) s`);
  if (candidates === 0) return;
  await c.query(`
    WITH numbered AS (SELECT id, municipality_id, supplier_id, row_number() OVER (ORDER BY id) - 1 AS n FROM job_order)
    INSERT INTO candidate (municipality_id, job_order_id, supplier_id, state, display_name, email, target_group, available_weekly_hours,
                           preferred_shifts, consent_given_on, consent_scope, created_at, updated_at)
    SELECT j.municipality_id, j.id, j.supplier_id, (ARRAY['proposed', 'proposed', 'shortlisted', 'interview', 'declined', 'withdrawn'])[1 + g % 6],
           'Kandidat ' || g, 'kandidat-' || g || '@bench.example', 'flexjob', 8 + g % 20, '{morning}', '2026-01-15',
           'Videregivelse til leverandøren af denne stilling', now() - g * interval '1 second', now() - g * interval '1 second'
      FROM generate_series(0, ${candidates - 1}) g
      JOIN numbered j ON j.n = g % (SELECT count(*) FROM job_order)`);
}
