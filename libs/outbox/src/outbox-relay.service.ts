import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { isJobName, outboxJobId, QueueName } from '@klausul/queue';
import { OUTBOX_CHANNEL } from './outbox.writer';

interface PendingRow {
  id: string;
  municipality_id: string;
  job_name: string;
  queue: QueueName;
  entity_id: string;
  payload: Record<string, string>;
  round: number;
}

/**
 * Moves outbox rows to BullMQ. Woken by NOTIFY on commit, and by a periodic sweep for
 * anything a missed notification left behind. Rows are claimed with FOR UPDATE SKIP
 * LOCKED, so any number of worker processes relay side by side; the job id is derived
 * from the row, so a relay that dies between add and commit only causes a duplicate
 * add that BullMQ ignores (and the handler's own idempotency catches the rest).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private sweepTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private drainAgain = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.sweepTimer = setInterval(() => this.wake(), this.config.outbox.sweepIntervalMs);
    this.sweepTimer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    await this.draining?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays everything pending now; resolves when the outbox was empty at least once. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.warn({ error: (error as Error).message }, 'outbox relay failed; the sweep retries'))
      .finally(() => {
        this.draining = undefined;
        if (this.drainAgain && !this.stopped) {
          this.drainAgain = false;
          void this.wake();
        }
      });
    return this.draining;
  }

  private async drain(): Promise<void> {
    const batchSize = this.config.outbox.batchSize;
    while (!this.stopped && (await this.relayBatch(batchSize)) === batchSize) {
      // a full batch: there may be more
    }
  }

  /** Relays up to `limit` rows in one transaction; returns how many it relayed. */
  async relayBatch(limit: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, municipality_id, job_name, queue, entity_id, payload, round FROM outbox
          WHERE relayed_at IS NULL AND failed_at IS NULL
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, PendingRow[]>();
      for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
      for (const [queueName, queued] of byQueue) {
        const queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
        await queue.addBulk(
          queued.map((row) => {
            if (!isJobName(row.job_name)) throw new Error(`outbox row ${row.id} names unknown job ${row.job_name}`);
            return {
              name: row.job_name,
              data: { ...row.payload, outboxId: String(row.id), municipalityId: row.municipality_id, entityId: row.entity_id },
              opts: { jobId: outboxJobId(row.job_name, String(row.id), row.round) },
            };
          }),
        );
      }
      await manager.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.database.url, application_name: 'klausul-outbox-listen' });
    client.on('notification', () => void this.wake());
    client.on('error', (error) => {
      this.logger.warn({ error: error.message }, 'outbox listener lost its connection; relying on the sweep until it reconnects');
      this.listener = undefined;
      this.listenAgainLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      // The caller schedules the next try; this client must not schedule one of its own.
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
  }

  /** Keeps trying while PostgreSQL is away (restarting, say), not only once. */
  private listenAgainLater(): void {
    if (this.stopped) return;
    setTimeout(() => {
      if (!this.stopped) void this.listen().catch(() => this.listenAgainLater());
    }, 2_000).unref();
  }
}
