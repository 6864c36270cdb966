import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last time each worker process proved the queue pipeline works end to end. */
@Entity({ name: 'worker_heartbeat' })
export class WorkerHeartbeat {
  @PrimaryColumn({ name: 'worker_id', type: 'text' })
  workerId!: string;

  @Column({ name: 'queue_backend', type: 'text' })
  queueBackend!: string;

  @Column({ name: 'last_beat_at', type: 'timestamptz' })
  lastBeatAt!: Date;
}
