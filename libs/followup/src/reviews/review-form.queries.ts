import type { EntityManager } from 'typeorm';

/** One employee of a review as the supplier's confirmation form lists them. */
export interface ReviewEmployeeRow {
  placement_id: string;
  candidate_id: string | null;
  employee_name: string | null;
  job_title: string | null;
  start_text: string;
  placement_state: string;
  end_text: string | null;
  end_reason: string | null;
  hours_at_period_end: string;
}

/** An employee's columns (pc: the check, p: its placement; h and k from EMPLOYEE_JOINS). */
const EMPLOYEE_COLUMNS = `pc.placement_id, k.candidate_id, k.display_name AS employee_name, k.job_title,
            to_char(p.start_date, 'YYYY-MM-DD') AS start_text, p.state AS placement_state,
            to_char(p.end_date, 'YYYY-MM-DD') AS end_text, p.end_reason,
            COALESCE(h.weekly_hours, p.agreed_weekly_hours) AS hours_at_period_end`;

/** The hours in effect on the period's last day ($2) and the hired candidate with its job order's title. */
const EMPLOYEE_JOINS = `LEFT JOIN LATERAL (
         SELECT ph.weekly_hours FROM placement_hours ph
          WHERE ph.placement_id = p.id AND ph.effective_from <= $2::date ORDER BY ph.effective_from DESC LIMIT 1) h ON true
       LEFT JOIN LATERAL (
         SELECT c.id AS candidate_id, c.display_name, j.title AS job_title FROM candidate c JOIN job_order j ON j.id = c.job_order_id
          WHERE c.placement_id = p.id ORDER BY c.created_at, c.id LIMIT 1) k ON true`;

/**
 * The people of a review's placement checks, in one query: the hired candidate's name and
 * its job order's title (as a contract's placement list shows them), the placement's own
 * end, and the weekly hours in effect on the period's last day. Bounded by the review's
 * checks; in the form's order (start date, then name, then id).
 */
export function reviewEmployees(manager: EntityManager, reviewId: string, periodEnd: string): Promise<ReviewEmployeeRow[]> {
  return manager.query(
    `SELECT ${EMPLOYEE_COLUMNS}
       FROM placement_check pc
       JOIN placement p ON p.id = pc.placement_id
       ${EMPLOYEE_JOINS}
      WHERE pc.review_id = $1
      ORDER BY p.start_date, k.display_name, p.id`,
    [reviewId, periodEnd],
  );
}

/** One employee of one of several reviews, with the supplier's answer and the partner the hire came through. */
export interface ReviewEmployeeAnswerRow extends ReviewEmployeeRow {
  review_id: string;
  partner_name: string | null;
  previous_weekly_hours: string;
  still_employed: boolean | null;
  answered_weekly_hours: string | null;
  answered_end_text: string | null;
  answered_end_reason: string | null;
  note: string | null;
}

/**
 * The people of several reviews of one period in one query (a page of the month's tables,
 * a chunk of the meeting pack): as reviewEmployees, plus each check's answer and the
 * partner; in review order, then the form's order.
 */
export function reviewEmployeesOf(manager: EntityManager, reviewIds: readonly string[], periodEnd: string): Promise<ReviewEmployeeAnswerRow[]> {
  return manager.query(
    `SELECT pc.review_id, ${EMPLOYEE_COLUMNS},
            ps.name AS partner_name, pc.previous_weekly_hours, pc.still_employed, pc.weekly_hours AS answered_weekly_hours,
            to_char(pc.end_date, 'YYYY-MM-DD') AS answered_end_text, pc.end_reason AS answered_end_reason, pc.note
       FROM placement_check pc
       JOIN placement p ON p.id = pc.placement_id
       LEFT JOIN contract_partner cp ON cp.id = p.partner_id
       LEFT JOIN supplier ps ON ps.id = cp.supplier_id
       ${EMPLOYEE_JOINS}
      WHERE pc.review_id = ANY($1::uuid[])
      ORDER BY pc.review_id, p.start_date, k.display_name, p.id`,
    [[...reviewIds], periodEnd],
  );
}
