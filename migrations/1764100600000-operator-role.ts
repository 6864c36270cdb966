import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The installation's operator (role `operator`): runs the queue dashboard for every
 * municipality and sees none of their data. Its row names the bootstrap municipality only
 * because every user row names one; it never belongs to a supplier.
 */
export class OperatorRole1764100600000 implements MigrationInterface {
  name = 'OperatorRole1764100600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE app_user DROP CONSTRAINT app_user_role_check');
    await q.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN (
        'admin', 'procurement_caseworker', 'employment_caseworker', 'jobcenter_contact', 'supplier_hr', 'operator'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM user_session WHERE user_id IN (SELECT id FROM app_user WHERE role = 'operator')`);
    await q.query(`DELETE FROM app_user WHERE role = 'operator'`);
    await q.query('ALTER TABLE app_user DROP CONSTRAINT app_user_role_check');
    await q.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN (
        'admin', 'procurement_caseworker', 'employment_caseworker', 'jobcenter_contact', 'supplier_hr'))`);
  }
}
