import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { QueueName } from '@klausul/queue';

export const HEARTBEAT_SCHEDULER_ID = 'system-heartbeat';

/** One scheduler for all workers: upserting it from every replica is harmless. */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      HEARTBEAT_SCHEDULER_ID,
      { every: this.config.heartbeatIntervalMs },
      { name: 'record-heartbeat', data: {} },
    );
  }
}
