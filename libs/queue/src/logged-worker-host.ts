import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ErrorThrottle } from './error-throttle';

/**
 * A WorkerHost whose worker reports failures and connection errors through the
 * structured log (never the job's data, which may point at personal data).
 */
export abstract class LoggedWorkerHost extends WorkerHost {
  protected abstract readonly logger: Logger;
  private readonly errorThrottle = new ErrorThrottle();

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(
      { jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, error: error.message },
      `job ${job?.name ?? '?'} failed`,
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    const suppressed = this.errorThrottle.admit();
    if (suppressed !== null) this.logger.warn({ suppressed, error: error.message }, 'worker cannot reach its queue backend');
  }
}
