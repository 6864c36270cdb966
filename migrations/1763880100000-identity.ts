import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1763880100000 implements MigrationInterface {
  name = 'Identity1763880100000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
