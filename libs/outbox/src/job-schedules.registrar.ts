import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { type JobSchedule, jobSchedules, queueOf } from '@klausul/queue';

/**
 * Upserts every recurring job of the catalog when a worker starts, and then keeps them
 * there: a queue backend that lost its data (Redis without persistence, replaced or
 * flushed) loses the schedulers too, so each worker checks every interval that each
 * scheduler and its next job still exist, and puts back what is missing.
 */
@Injectable()
export class JobSchedulesRegistrar implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedulesRegistrar.name);
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const schedule of jobSchedules(this.config)) await this.upsert(schedule);
    this.timer = setInterval(() => void this.checkOnce(), this.config.jobSchedulesCheckIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  /** Restores missing schedulers; never throws (the backend may be down: the next check tries again). */
  checkOnce(): Promise<void> {
    this.checking ??= this.restoreMissing()
      .catch((error: unknown) => this.logger.warn({ error: (error as Error).message }, 'could not check the job schedulers; the next check tries again'))
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async restoreMissing(): Promise<void> {
    const restored: string[] = [];
    for (const schedule of jobSchedules(this.config)) {
      const queue = this.queueOf(schedule);
      const scheduler = await queue.getJobScheduler(schedule.id);
      const nextJobLost =
        scheduler?.next != null && (await queue.getJobState(`repeat:${schedule.id}:${scheduler.next}`)) === 'unknown';
      if (scheduler && !nextJobLost) continue;
      await this.upsert(schedule);
      restored.push(schedule.id);
    }
    if (restored.length > 0) this.logger.warn({ restored }, 'job schedulers were missing from the queue backend and have been restored');
  }

  private async upsert(schedule: JobSchedule): Promise<void> {
    await this.queueOf(schedule).upsertJobScheduler(schedule.id, schedule.repeat, { name: schedule.job, data: {} });
  }

  private queueOf(schedule: JobSchedule): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(queueOf(schedule.job)), { strict: false });
  }
}
