import type { EntityManager } from 'typeorm';

/** States in which the supplier can still give a month's confirmation (the workflow's submit event). */
export const CONFIRMABLE_STATES = ['awaiting_supplier', 'overdue'] as const;

export interface ContractReviewSummary {
  contract_id: string;
  latest_period: string;
  awaiting_id: string | null;
  awaiting_period: string | null;
  awaiting_due: string | null;
  awaiting_state: string | null;
  awaiting_count: number;
}

/**
 * Per contract, in one query: the latest month reviewed and the oldest confirmation still
 * open. Only the municipality's reviews, and a supplier's own when `supplierId` is given.
 */
export function reviewSummariesOf(
  manager: EntityManager,
  municipalityId: string,
  contractIds: readonly string[],
  supplierId: string | null,
): Promise<ContractReviewSummary[]> {
  return manager.query(
    `SELECT r.contract_id, max(r.period) AS latest_period,
            (array_agg(r.id ORDER BY r.period) FILTER (WHERE r.state = ANY($4::text[])))[1] AS awaiting_id,
            (array_agg(r.period ORDER BY r.period) FILTER (WHERE r.state = ANY($4::text[])))[1] AS awaiting_period,
            (array_agg(to_char(r.due_on, 'YYYY-MM-DD') ORDER BY r.period) FILTER (WHERE r.state = ANY($4::text[])))[1] AS awaiting_due,
            (array_agg(r.state ORDER BY r.period) FILTER (WHERE r.state = ANY($4::text[])))[1] AS awaiting_state,
            (count(*) FILTER (WHERE r.state = ANY($4::text[])))::int AS awaiting_count
       FROM review r
      WHERE r.municipality_id = $1 AND r.contract_id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR r.supplier_id = $3)
      GROUP BY r.contract_id`,
    [municipalityId, [...contractIds], supplierId, [...CONFIRMABLE_STATES]],
  );
}

/** The municipality's run day (the n-th working day of the month), or null for the default. */
export async function runWorkingDayOf(manager: EntityManager, municipalityId: string): Promise<number | null> {
  const [row] = await manager.query('SELECT review_run_working_day FROM follow_up_setting WHERE municipality_id = $1', [municipalityId]);
  return row?.review_run_working_day ?? null;
}
