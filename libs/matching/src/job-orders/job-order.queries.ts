import type { EntityManager } from 'typeorm';
import type { JobDescriptionSource } from './job-description.content';

/** The job order with its supplier's name, dates as YYYY-MM-DD. */
export async function loadJobDescription(manager: EntityManager, id: string): Promise<(JobDescriptionSource & { municipality_id: string; supplier_id: string; state: string; forward_channel_ids: string[] | null }) | undefined> {
  const [row] = await manager.query(
    `SELECT j.*, to_char(j.start_date, 'YYYY-MM-DD') AS start_date, to_char(j.candidates_due_on, 'YYYY-MM-DD') AS candidates_due_on,
            s.name AS supplier_name
       FROM job_order j JOIN supplier s ON s.id = j.supplier_id
      WHERE j.id = $1`,
    [id],
  );
  return row;
}

/** E-mail addresses of the active HR contacts of a supplier. */
export async function supplierHrEmails(manager: EntityManager, supplierId: string): Promise<string[]> {
  const rows: { email: string }[] = await manager.query(
    `SELECT email FROM app_user WHERE supplier_id = $1 AND role = 'supplier_hr' AND active ORDER BY email`,
    [supplierId],
  );
  return rows.map((r) => r.email);
}

/** E-mail addresses of the municipality's active users of these roles. */
export async function staffEmails(manager: EntityManager, municipalityId: string, roles: string[]): Promise<string[]> {
  const rows: { email: string }[] = await manager.query(
    `SELECT email FROM app_user WHERE municipality_id = $1 AND role = ANY($2) AND active ORDER BY email`,
    [municipalityId, roles],
  );
  return rows.map((r) => r.email);
}
