import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { QueueName } from '@klausul/queue';

export const DUE_TASKS_SCHEDULER_ID = 'fire-due-tasks';

/** The one BullMQ job scheduler that fans out everything PostgreSQL says is due. */
@Injectable()
export class DueTaskScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      DUE_TASKS_SCHEDULER_ID,
      { every: this.config.dueTaskSweepIntervalMs },
      { name: 'fire-due-tasks', data: {} },
    );
  }
}
