import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { copenhagenDateOf } from '@klausul/domain';
import { HandlesJob, type JobContext, type JobData, type JobHandler, QueueName } from '@klausul/queue';
import { firstWorkingDayOf, periodOf, periodToReview } from './review-period';
import { ReviewRunService } from './review-run.service';

export const REVIEW_RUN_SCHEDULER_ID = 'monthly-review-run';

/**
 * Fires the monthly run: 08:00 Copenhagen time on each of the first seven days of the month;
 * the handler goes on only on the first working day (a cron pattern cannot say "first
 * working day", and Danish holidays move). The run itself is idempotent besides.
 */
@Injectable()
export class ReviewRunScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.System) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      REVIEW_RUN_SCHEDULER_ID,
      { pattern: '0 8 1-7 * *', tz: 'Europe/Copenhagen' },
      { name: 'start-review-run', data: {} },
    );
  }
}

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
