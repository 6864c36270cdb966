import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Contracts1763880300000 implements MigrationInterface {
  name = 'Contracts1763880300000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
