import { Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { hostname } from 'node:os';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { LoggedWorkerHost, QueueName, type JobsOf } from '@klausul/queue';
import { HeartbeatRepository } from './heartbeat.repository';

type SystemJob = JobsOf<QueueName.System>;

/** Runs the jobs of the system queue. */
@Processor(QueueName.System)
export class SystemProcessor extends LoggedWorkerHost {
  protected readonly logger = new Logger(SystemProcessor.name);
  private readonly workerId = `${hostname()}:${process.pid}`;

  constructor(
    private readonly heartbeats: HeartbeatRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<SystemJob['data'], void, SystemJob['name']>): Promise<void> {
    switch (job.name) {
      case 'record-heartbeat':
        await this.heartbeats.record(this.workerId, this.config.queue.backend, new Date(job.timestamp));
        this.logger.debug(`heartbeat recorded by ${this.workerId}`);
        return;
      default: {
        const unknown: never = job.name;
        throw new Error(`system queue has no handler for job ${String(unknown)}`);
      }
    }
  }
}
