import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@klausul/domain';
import { isJobName, JobHandlerRegistry, RetryLaterError, type JobContext, type OutboxJobPayload } from '@klausul/queue';
import { OutboxRepository } from './outbox.repository';

function isOutboxPayload(data: unknown): data is OutboxJobPayload {
  return typeof data === 'object' && data !== null && typeof (data as OutboxJobPayload).outboxId === 'string';
}

/** The last attempt BullMQ will make: a permanent error, or retries used up. */
export function isFinalAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>, error: unknown): boolean {
  return error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Runs a job through its handler. A job relayed from the outbox runs in one transaction
 * that first claims the outbox row (completed_at), so a replay, a second delivery of
 * the same job or a duplicate from a crashed relay does nothing. On the final failed
 * attempt the row and its entity are marked failed for a caseworker to see and retry.
 * Errors are always rethrown: BullMQ decides about retries.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: JobHandlerRegistry,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  /** `token`: the worker's lock on the job, needed to move it to delayed for a RetryLaterError. */
  async run(job: Job, token?: string): Promise<void> {
    if (job.name === undefined) {
      // The queue backend lost the job's data while a worker was taking it (Redis flushed or
      // replaced): nothing to run. Its outbox row is not done, so the requeue sweep hands it
      // back under a new round; failing the job here would mark the row failed instead.
      this.logger.warn({ jobId: String(job.id) }, 'a job without its data (lost by the queue backend) was skipped');
      return;
    }
    if (!isJobName(job.name)) throw new UnrecoverableError(`no job named ${job.name} in the catalog`);
    const handler = this.handlers.get(job.name);
    const data: unknown = job.data;
    const base = { jobId: String(job.id), attemptsMade: job.attemptsMade, now: this.clock.now() };

    if (!isOutboxPayload(data)) {
      await this.dataSource.transaction((manager) => handler.handle(data as never, { ...base, manager }));
      return;
    }
    try {
      await this.dataSource.transaction(async (manager: EntityManager) => {
        const claimed = await this.outbox.claimCompletion(manager, data.outboxId);
        if (!claimed) {
          this.logger.debug(`outbox ${data.outboxId} was already done; ${job.name} skipped`);
          return;
        }
        await handler.handle(data as never, { ...base, manager } satisfies JobContext);
        await this.outbox.markEntityDelivered(manager, claimed);
      });
    } catch (error) {
      if (error instanceof RetryLaterError) {
        // The claim was rolled back with the transaction; the job comes back at notBefore.
        await job.moveToDelayed(error.notBefore.getTime(), token);
        throw new DelayedError(error.message);
      }
      if (isFinalAttempt(job, error)) await this.outbox.markFailed(data.outboxId, (error as Error).message);
      throw error;
    }
  }
}
