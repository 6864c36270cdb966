import type { RepeatOptions } from 'bullmq';
import type { AppConfig } from '@klausul/config';
import type { JobName } from './job-catalog';

export interface JobSchedule {
  /** The BullMQ job scheduler id: upserting the same id again changes nothing. */
  id: string;
  job: JobName;
  repeat: Omit<RepeatOptions, 'key'>;
}

export const HEARTBEAT_SCHEDULER_ID = 'system-heartbeat';

const MONTHLY_REVIEW_RUN: JobSchedule = { id: 'monthly-review-run', job: 'start-review-run', repeat: { pattern: '*/15 * * * *', tz: 'Europe/Copenhagen' } };

/**
 * Every recurring job, in one place. Each worker upserts them at start (harmless from
 * every replica). What is due at a given time (deadlines, reminders) is not here: it
 * lives in PostgreSQL and the fire-due-tasks sweep fans it out. Cron patterns always
 * carry their time zone, or they would follow the process's TZ.
 */
export function jobSchedules(config: AppConfig): JobSchedule[] {
  return [
    { id: HEARTBEAT_SCHEDULER_ID, job: 'record-heartbeat', repeat: { every: config.heartbeatIntervalMs } },
    { id: 'fire-due-tasks', job: 'fire-due-tasks', repeat: { every: config.dueTaskSweepIntervalMs } },
    // Nightly erasure of personal data past its retention period.
    { id: 'apply-retention', job: 'apply-retention', repeat: { pattern: '0 3 * * *', tz: 'Europe/Copenhagen' } },
    // Just after midnight: each contract's compliance of the new day (statuses move with deadlines).
    { id: 'recount-compliance', job: 'recount-compliance', repeat: { pattern: '5 0 * * *', tz: 'Europe/Copenhagen' } },
    // Every quarter of an hour: each municipality has its own working day and time of the
    // monthly run (Danish holidays move, so no cron pattern can say it), and a run missed while
    // no worker was up is caught up at the next tick. The handler decides who is due, set-based.
    // Not under NODE_ENV=test: tests move an injected clock and add the tick themselves, and a
    // real tick every 15 minutes would run whichever month a test's clock has made due.
    ...(config.env === 'test' ? [] : [MONTHLY_REVIEW_RUN]),
  ];
}
