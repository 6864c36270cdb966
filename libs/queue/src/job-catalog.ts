import type { JobsOptions } from 'bullmq';

/** Every queue Klausul uses. A queue groups jobs that share workers and concurrency. */
export enum QueueName {
  /** Housekeeping: heartbeats, later retention sweeps. */
  System = 'system',
  /** Side effects of workflow transitions, relayed from the outbox. */
  Workflow = 'workflow',
  /** Messages to people and systems outside Klausul (e-mail, webhooks). */
  Messages = 'messages',
}

/** Which queue each job runs on. Every name here must have exactly one handler in the worker. */
export const jobCatalog = {
  'record-heartbeat': { queue: QueueName.System },
  'record-probe-effect': { queue: QueueName.Workflow },
  'fire-due-tasks': { queue: QueueName.System },
  'apply-retention': { queue: QueueName.System },
  'recount-compliance': { queue: QueueName.System },
  'deliver-message': { queue: QueueName.Messages },
  'send-supplier-welcome': { queue: QueueName.Messages },
  'dispatch-job-description': { queue: QueueName.Messages },
  'remind-candidates-due': { queue: QueueName.Messages },
  'check-candidates-at-deadline': { queue: QueueName.Workflow },
  'send-shortlist': { queue: QueueName.Messages },
  'check-first-hire': { queue: QueueName.Workflow },
  'start-review-run': { queue: QueueName.System },
  'send-review-request': { queue: QueueName.Messages },
  'remind-review': { queue: QueueName.Messages },
  'review-deadline': { queue: QueueName.Workflow },
  'escalate-review': { queue: QueueName.Messages },
} as const satisfies Record<string, { queue: QueueName }>;

export type JobName = keyof typeof jobCatalog;

/** What every job relayed from the outbox carries: ids only, the handler reloads the rest. */
export interface OutboxJobPayload {
  outboxId: string;
  municipalityId: string;
  entityId: string;
}

/** The payload of each job. */
export interface JobPayloads {
  'record-heartbeat': Record<string, never>;
  'record-probe-effect': OutboxJobPayload;
  /** Moves scheduled tasks that are due into the outbox (one scheduler for all municipalities). */
  'fire-due-tasks': Record<string, never>;
  /** Nightly: erases personal data past its retention period (set-based; logs counts only). */
  'apply-retention': Record<string, never>;
  /** Nightly: recounts every contract's stored compliance for the new day, so the first list of the morning is fast. */
  'recount-compliance': Record<string, never>;
  /** entityId: the message to deliver (one job per message, so a retry never resends the others). */
  'deliver-message': OutboxJobPayload;
  /** entityId: the contract handed over; welcomes its supplier's HR contacts and asks for job descriptions. */
  'send-supplier-welcome': OutboxJobPayload;
  /** entityId: the job order forwarded; composes its messages to the jobcenter's channels. */
  'dispatch-job-description': OutboxJobPayload;
  /** entityId: the job order; reminds the jobcenter two working days before the candidate deadline. */
  'remind-candidates-due': OutboxJobPayload;
  /** entityId: the job order; alerts the employment caseworkers when too few candidates came by the deadline. */
  'check-candidates-at-deadline': OutboxJobPayload;
  /** entityId: the job order; tells the supplier's HR contacts its shortlist is ready. */
  'send-shortlist': OutboxJobPayload;
  /** entityId: a contract at its first-hire milestone; no placement by then records an alert for the unit. */
  'check-first-hire': OutboxJobPayload;
  /** The monthly follow-up run (job scheduler): reviews for the month just ended, on the first working day in Copenhagen. */
  'start-review-run': Record<string, never>;
  /** entityId: a review_request; e-mails the supplier's HR contacts one signed link per review of the month. */
  'send-review-request': OutboxJobPayload;
  /** entityId: a review; reminds the supplier while it still awaits the confirmation. */
  'remind-review': OutboxJobPayload;
  /** entityId: a review; at the deadline an unanswered review becomes overdue and the caseworkers are alerted. */
  'review-deadline': OutboxJobPayload;
  /** entityId: a review; still overdue after the second interval: the municipality's admins are alerted. */
  'escalate-review': OutboxJobPayload;
}

export type JobData<N extends JobName> = JobPayloads[N];

export type KlausulJob = {
  [N in JobName]: { queue: (typeof jobCatalog)[N]['queue']; name: N; data: JobPayloads[N] };
}[JobName];

export type JobsOf<Q extends QueueName> = Extract<KlausulJob, { queue: Q }>;

export const jobNames = Object.keys(jobCatalog) as JobName[];

export function queueOf(name: JobName): QueueName {
  return jobCatalog[name].queue;
}

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(jobCatalog, name);
}

/** Retry and retention defaults for every job, in one place. */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  // Age-based retention: count-based retention deadlocks on bullmq 6.7's PostgreSQL backend.
  removeOnComplete: { age: 24 * 3600 },
  // Failed jobs stay a week for an operator to inspect and retry.
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Deterministic BullMQ job id of an outbox row (BullMQ ids may not contain ':'). */
export function outboxJobId(name: JobName, outboxId: string, round: number): string {
  return `${name}-${outboxId}-r${round}`;
}
