import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@klausul/config';
import { defaultJobOptions, QueueName } from './job-catalog';
import { selectQueueBackend, workerSettings } from './queue-backend';
import { LoggedQueue } from './logged-queue';
import { RedisPolicyCheck } from './redis-policy.check';

/** BullMQ on Redis or on PostgreSQL, with every queue of the catalog registered. */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const connection = selectQueueBackend(config);
    BullModule.queueClass = LoggedQueue;
    Object.assign(workerSettings, {
      concurrency: config.workerConcurrency,
      // A killed worker's jobs are picked up again once their lock runs out.
      lockDuration: config.workerLockDurationMs,
      stalledInterval: config.workerLockDurationMs,
    });
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRoot({
          // The PostgreSQL backend takes a pg pool config where ioredis options would go.
          connection: connection as never,
          prefix: config.queue.prefix,
          defaultJobOptions,
        }),
        queues,
      ],
      providers: [RedisPolicyCheck],
      exports: [queues],
    };
  }
}
