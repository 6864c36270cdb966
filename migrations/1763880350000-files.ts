import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Files1763880350000 implements MigrationInterface {
  name = 'Files1763880350000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
