import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkerHeartbeat } from './worker-heartbeat.entity';

@Injectable()
export class HeartbeatRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Idempotent: a replayed job carries the same timestamp and never moves the beat backwards. */
  async record(workerId: string, queueBackend: string, beatAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO worker_heartbeat (worker_id, queue_backend, last_beat_at) VALUES ($1, $2, $3)
       ON CONFLICT (worker_id) DO UPDATE
         SET queue_backend = EXCLUDED.queue_backend,
             last_beat_at = GREATEST(worker_heartbeat.last_beat_at, EXCLUDED.last_beat_at)`,
      [workerId, queueBackend, beatAt],
    );
  }

  latest(): Promise<WorkerHeartbeat | null> {
    return this.dataSource.getRepository(WorkerHeartbeat).findOne({ where: {}, order: { lastBeatAt: 'DESC' } });
  }
}
