import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkerHeartbeat } from './worker-heartbeat.entity';

@Injectable()
export class HeartbeatRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Idempotent: a late or replayed job never moves the beat backwards. */
  async record(manager: EntityManager, workerId: string, queueBackend: string, beatAt: Date): Promise<void> {
    await manager.query(
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
