import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerHeartbeat1763880000000 implements MigrationInterface {
  name = 'WorkerHeartbeat1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE worker_heartbeat (
        worker_id     text PRIMARY KEY,
        queue_backend text NOT NULL,
        last_beat_at  timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE worker_heartbeat');
  }
}
