import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConfigModule, type AppConfig } from '@klausul/config';
import { DatabaseModule } from '@klausul/database';
import { HeartbeatModule } from '@klausul/heartbeat';
import { LoggingModule } from '@klausul/logging';
import { QueueModule } from '@klausul/queue';

/** The job processors. Imported alone by the worker process, or into the API for the single-process default. */
@Module({})
export class WorkerJobsModule {
  static forRoot(): DynamicModule {
    return { module: WorkerJobsModule, imports: [HeartbeatModule.forWorker()] };
  }
}

/** Everything a worker process runs. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot(config, 'klausul-worker'),
        QueueModule.forRoot(config),
        WorkerJobsModule.forRoot(),
      ],
    };
  }
}
