import type { EntityManager } from 'typeorm';
import type { Keyset } from '@klausul/paging';

export interface ReviewRow {
  id: string;
  municipality_id: string;
  contract_id: string;
  supplier_id: string;
  supplier_name: string;
  tender_title: string;
  period: string;
  state: string;
  version: number;
  due_on: string;
}

/** A review with its supplier's name and its tender's title, dates as YYYY-MM-DD. */
export async function loadReview(manager: EntityManager, id: string): Promise<ReviewRow | undefined> {
  const [row] = await manager.query(
    `SELECT r.id, r.municipality_id, r.contract_id, r.supplier_id, r.period, r.state, r.version,
            to_char(r.due_on, 'YYYY-MM-DD') AS due_on, s.name AS supplier_name, t.title AS tender_title
       FROM review r JOIN supplier s ON s.id = r.supplier_id JOIN contract c ON c.id = r.contract_id JOIN tender t ON t.id = c.tender_id
      WHERE r.id = $1`,
    [id],
  );
  return row;
}

export async function emailsOf(manager: EntityManager, where: { supplierId?: string; municipalityId?: string; roles: string[] }): Promise<string[]> {
  const rows: { email: string }[] = await manager.query(
    `SELECT email FROM app_user
      WHERE active AND role = ANY($1) AND ($2::uuid IS NULL OR supplier_id = $2) AND ($3::uuid IS NULL OR municipality_id = $3)
      ORDER BY email`,
    [where.roles, where.supplierId ?? null, where.municipalityId ?? null],
  );
  return rows.map((r) => r.email);
}

const REVIEW_VIEW_COLUMNS = `r.*, to_char(r.due_on, 'YYYY-MM-DD') AS due_text, s.name AS supplier_name, t.title AS tender_title, up.name AS upskilling_programme_name`;
const REVIEW_VIEW_FROM = `review r JOIN supplier s ON s.id = r.supplier_id JOIN contract c ON c.id = r.contract_id JOIN tender t ON t.id = c.tender_id
  LEFT JOIN upskilling_programme up ON up.id = r.upskilling_programme_id`;

export interface ReviewListFilters {
  /** All apply: a supplier HR contact's own supplier, and the query's. */
  supplierIds: string[];
  period?: string;
  state?: string;
  contractId?: string;
  /** Only escalated reviews (true) or none of them (false): overdue with a due day on or before `cutoff`. */
  escalated?: { escalated: boolean; cutoff: string };
}

/** One page of a municipality's reviews, with their supplier's name and tender's title, in the keyset's order. */
export function listReviews(
  manager: EntityManager,
  municipalityId: string,
  filters: ReviewListFilters,
  keyset: Keyset,
): Promise<(Record<string, any> & { id: string; page_key: string })[]> {
  const params: unknown[] = [municipalityId];
  const where = ['r.municipality_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  for (const supplierId of filters.supplierIds) add('r.supplier_id = ?', supplierId);
  if (filters.period) add('r.period = ?', filters.period);
  if (filters.state) add('r.state = ?', filters.state);
  if (filters.contractId) add('r.contract_id = ?', filters.contractId);
  if (filters.escalated) {
    const escalated = `(r.state = 'overdue' AND r.due_on <= ?::date)`;
    add(filters.escalated.escalated ? escalated : `NOT ${escalated}`, filters.escalated.cutoff);
  }
  return manager.query(
    `SELECT ${REVIEW_VIEW_COLUMNS}, ${keyset.keyColumn} FROM ${REVIEW_VIEW_FROM}
      WHERE ${where.join(' AND ')}${keyset.condition(params)}${keyset.orderAndLimit}`,
    params,
  );
}

/** One review with its supplier's name and tender's title. */
export async function reviewWithNames(manager: EntityManager, id: string): Promise<Record<string, any> | undefined> {
  const [row] = await manager.query(`SELECT ${REVIEW_VIEW_COLUMNS} FROM ${REVIEW_VIEW_FROM} WHERE r.id = $1`, [id]);
  return row;
}

/** The placement checks of several reviews, in one query, each review's in its placements' start order. */
export function placementChecksOf(manager: EntityManager, reviewIds: readonly string[]): Promise<Record<string, any>[]> {
  return manager.query(
    `SELECT pc.*, to_char(p.start_date, 'YYYY-MM-DD') AS start_text, to_char(pc.end_date, 'YYYY-MM-DD') AS end_text, p.state AS placement_state
       FROM placement_check pc JOIN placement p ON p.id = pc.placement_id WHERE pc.review_id = ANY($1::uuid[])
      ORDER BY pc.review_id, p.start_date, p.id`,
    [[...reviewIds]],
  );
}

/** The job order a replacement search reopens: the contract's most recently closed one, if any. */
export async function replacementJobOrderOf(manager: EntityManager, contractId: string): Promise<{ id: string; title: string } | undefined> {
  const [order] = await manager.query(
    `SELECT id, title FROM job_order WHERE contract_id = $1 AND state = 'closed' ORDER BY updated_at DESC, id DESC LIMIT 1`,
    [contractId],
  );
  return order;
}

/** Whether the programme is one of the municipality's (an offer names a programme the unit runs). */
/**
 * A programme of the municipality with its places left (capacity less the enrolled
 * participants, as the upskilling pages count them), or null. Locked for share, so an
 * enrolment cannot take the last place while a conclusion offers it.
 */
export async function programmeOfMunicipality(manager: EntityManager, municipalityId: string, programmeId: string): Promise<{ placesLeft: number } | null> {
  const [row]: { capacity: number }[] = await manager.query('SELECT capacity FROM upskilling_programme WHERE id = $1 AND municipality_id = $2 FOR SHARE', [programmeId, municipalityId]);
  if (!row) return null;
  const [{ enrolled }]: { enrolled: number }[] = await manager.query(
    "SELECT count(*)::int AS enrolled FROM upskilling_participant WHERE programme_id = $1 AND state = 'enrolled'",
    [programmeId],
  );
  return { placesLeft: Math.max(0, row.capacity - enrolled) };
}
