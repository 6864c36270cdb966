import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { jobSchedules, queueOf } from '@klausul/queue';

/** Upserts every recurring job of the catalog when a worker starts. */
@Injectable()
export class JobSchedulesRegistrar implements OnApplicationBootstrap {
  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const schedule of jobSchedules(this.config)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(queueOf(schedule.job)), { strict: false });
      await queue.upsertJobScheduler(schedule.id, schedule.repeat, { name: schedule.job, data: {} });
    }
  }
}
