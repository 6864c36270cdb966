import type { JobsOptions } from 'bullmq';

/** Every queue Klausul uses. A queue groups jobs that share a worker and its concurrency. */
export enum QueueName {
  System = 'system',
}

/**
 * Every job Klausul runs: its queue, its name and its payload. Payloads carry ids only;
 * a handler reloads what it needs from PostgreSQL.
 */
export type KlausulJob = {
  queue: QueueName.System;
  name: 'record-heartbeat';
  data: Record<string, never>;
};

export type JobName = KlausulJob['name'];
export type JobData<N extends JobName> = Extract<KlausulJob, { name: N }>['data'];
export type JobsOf<Q extends QueueName> = Extract<KlausulJob, { queue: Q }>;

/** Retry and retention defaults for every job, in one place. */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  // Age-based retention: count-based retention deadlocks on bullmq 6.7's PostgreSQL backend.
  removeOnComplete: { age: 24 * 3600 },
  // Failed jobs stay a week for an operator to inspect and retry.
  removeOnFail: { age: 7 * 24 * 3600 },
};
