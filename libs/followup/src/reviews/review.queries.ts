import type { EntityManager } from 'typeorm';

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
