import { Logger } from '@nestjs/common';
import { copenhagenDateOf } from '@klausul/domain';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { firstWorkingDayOf, periodOf, periodToReview } from './review-period';
import { ReviewRunService } from './review-run.service';

/**
 * The monthly run (schedule in libs/queue's job-schedules: 08:00 on the first seven days),
 * going on only on the month's first working day. The run itself is idempotent besides.
 */
@HandlesJob('start-review-run')
export class StartReviewRunHandler implements JobHandler<'start-review-run'> {
  private readonly logger = new Logger(StartReviewRunHandler.name);

  constructor(private readonly runs: ReviewRunService) {}

  async handle(_data: JobData<'start-review-run'>, { manager, now }: JobContext): Promise<void> {
    const today = copenhagenDateOf(now);
    if (today !== firstWorkingDayOf(periodOf(today))) return;
    const result = await this.runs.run(manager, periodToReview(now), now);
    this.logger.log(`review run ${result.period}: ${result.reviewsCreated} reviews, ${result.requestsQueued} supplier requests`);
  }
}
