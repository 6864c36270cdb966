import type { EntityManager } from 'typeorm';

export interface PeriodReviewRow {
  id: string;
  contract_id: string;
  state: string;
  due_on: string;
  supplier_name: string;
  cvr: string;
  tender_title: string;
  lots: number[] | null;
}

/** A municipality's reviews of one month with supplier, tender and lot numbers, in one query; by supplier, then tender. */
export function periodReviews(manager: EntityManager, municipalityId: string, period: string): Promise<PeriodReviewRow[]> {
  return manager.query(
    `SELECT r.id, r.contract_id, r.state, to_char(r.due_on, 'YYYY-MM-DD') AS due_on, s.name AS supplier_name, s.cvr, t.title AS tender_title,
            (SELECT array_agg(l.number ORDER BY l.number) FROM contract_lot cl JOIN tender_lot l ON l.id = cl.lot_id WHERE cl.contract_id = r.contract_id) AS lots
       FROM review r JOIN supplier s ON s.id = r.supplier_id JOIN contract c ON c.id = r.contract_id JOIN tender t ON t.id = c.tender_id
      WHERE r.municipality_id = $1 AND r.period = $2
      ORDER BY s.name, t.title, r.id`,
    [municipalityId, period],
  );
}
