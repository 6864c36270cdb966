import { Inject } from '@nestjs/common';
import { hostname } from 'node:os';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { HeartbeatRepository } from './heartbeat.repository';

/** Records that this worker process runs jobs; idempotent by timestamp. */
@HandlesJob('record-heartbeat')
export class RecordHeartbeatHandler implements JobHandler<'record-heartbeat'> {
  private readonly workerId = `${hostname()}:${process.pid}`;

  constructor(
    private readonly heartbeats: HeartbeatRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(_data: JobData<'record-heartbeat'>, context: JobContext): Promise<void> {
    await this.heartbeats.record(context.manager, this.workerId, this.config.queue.backend, context.now);
  }
}
