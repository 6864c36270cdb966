import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { HandlesJob, type JobContext, type JobData, type JobHandler, QueueName } from '@klausul/queue';
import { CandidatePrivacyService } from './candidate-privacy.service';

export const RETENTION_SCHEDULER_ID = 'apply-retention';

/** Every night at 03:00 Copenhagen time, personal data past its retention period is erased. */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.System) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RETENTION_SCHEDULER_ID,
      { pattern: '0 3 * * *', tz: 'Europe/Copenhagen' },
      { name: 'apply-retention', data: {} },
    );
  }
}

@HandlesJob('apply-retention')
export class ApplyRetentionHandler implements JobHandler<'apply-retention'> {
  constructor(
    private readonly privacy: CandidatePrivacyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(_data: JobData<'apply-retention'>, { manager, now }: JobContext): Promise<void> {
    const { unsuccessfulMonths, placementMonths } = this.config.retention;
    while ((await this.privacy.applyRetention(manager, now, unsuccessfulMonths, placementMonths)) === 1000) {
      // a full batch: there may be more
    }
  }
}
