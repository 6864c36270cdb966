import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { isJobName, outboxJobId } from '@klausul/queue';
import { type InFlightOutboxRow, OutboxRepository } from './outbox.repository';

/** Job lookups in flight at once (one round trip each to the queue backend). */
const LOOKUPS_AT_ONCE = 25;

/**
 * PostgreSQL is the source of truth for side effects. A queue backend that lost its data
 * (Redis without persistence restarted, replaced or flushed) leaves outbox rows relayed
 * but never run. Every worker sweeps for rows relayed longer than the grace period whose
 * job is no longer in the queue, and hands them to the relay again under a new round.
 * A job the backend gave up on without the runner seeing it (stalled too often) becomes
 * a failed row, which a caseworker sees and can retry.
 */
@Injectable()
export class OutboxRequeueSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRequeueSweep.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private cursor: { relayedAt: Date; id: string } | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.config.outbox.requeueIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One page of in-flight rows; resolves when it is done. Never throws: the next sweep tries again. */
  sweepOnce(): Promise<void> {
    this.running ??= this.sweepPage()
      .catch((error: unknown) => this.logger.warn({ error: (error as Error).message }, 'outbox requeue sweep failed; the next one tries again'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepPage(): Promise<void> {
    const limit = this.config.outbox.batchSize;
    const rows = await this.outbox.inFlight(this.config.outbox.requeueGraceMs, this.cursor, limit);
    // A full page: continue after it next time; otherwise start from the oldest again.
    this.cursor = rows.length === limit ? { relayedAt: rows[rows.length - 1].relayedAt, id: rows[rows.length - 1].id } : null;
    let requeued = 0;
    let failed = 0;
    for (let i = 0; i < rows.length; i += LOOKUPS_AT_ONCE) {
      const outcomes = await Promise.all(rows.slice(i, i + LOOKUPS_AT_ONCE).map((row) => this.recover(row)));
      requeued += outcomes.filter((o) => o === 'requeued').length;
      failed += outcomes.filter((o) => o === 'failed').length;
    }
    if (requeued + failed > 0) {
      this.logger.warn({ requeued, failed }, 'outbox rows whose jobs the queue backend no longer had were handed back');
    }
  }

  private async recover(row: InFlightOutboxRow): Promise<'requeued' | 'failed' | 'present'> {
    if (!isJobName(row.jobName)) return 'present'; // the relay refuses such rows; nothing to recover
    const queue = this.moduleRef.get<Queue>(getQueueToken(row.queue), { strict: false });
    const jobId = outboxJobId(row.jobName, row.id, row.round);
    const state = await queue.getJobState(jobId);
    // 'completed' with the row not done cannot happen unless the backend's data was swapped
    // (restored from an old copy); like a missing job, run it again: the claim keeps it once.
    if (state === 'unknown' || state === 'completed') return (await this.outbox.requeueLost(row)) ? 'requeued' : 'present';
    if (state === 'failed') {
      const job = await queue.getJob(jobId);
      await this.outbox.markFailed(row.id, job?.failedReason ?? 'the queue backend gave up on the job');
      return 'failed';
    }
    return 'present';
  }
}
