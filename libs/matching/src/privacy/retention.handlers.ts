import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { CandidatePrivacyService } from './candidate-privacy.service';

/** Every night (schedule in libs/queue's job-schedules): erases personal data past its retention period. */
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
