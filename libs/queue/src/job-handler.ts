import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobData, JobName } from './job-catalog';

export const JOB_HANDLER_METADATA = 'klausul:job-handler';

/** What a handler learns about the job besides its payload. */
export interface JobContext {
  jobId: string;
  attemptsMade: number;
  /** The run's (injected) time. */
  now: Date;
  /**
   * The transaction the job runs in. For jobs relayed from the outbox the runner has
   * already claimed the outbox row in it, so effects written here happen exactly once.
   */
  manager: EntityManager;
}

/**
 * Thrown by a handler that must not run again before `notBefore` (say, an earlier attempt
 * may still be in flight). The job waits until then and the wait costs none of its attempts.
 */
export class RetryLaterError extends Error {
  constructor(
    readonly notBefore: Date,
    message: string,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** Runs one kind of job. Throw to retry; throw UnrecoverableError for a permanent failure. */
export interface JobHandler<N extends JobName> {
  handle(data: JobData<N>, context: JobContext): Promise<void>;
}

/** Marks a provider as the handler of a job name; the worker checks there is exactly one per name. */
export function HandlesJob(name: JobName): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(JOB_HANDLER_METADATA, name));
}
