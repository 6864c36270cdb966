import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConfigModule, type AppConfig } from '@klausul/config';
import { DatabaseModule } from '@klausul/database';
import { HealthModule } from '@klausul/health';
import { IdentityModule } from '@klausul/identity';
import { LoggingModule } from '@klausul/logging';
import { QueueModule } from '@klausul/queue';
import { WorkerJobsModule } from './worker.module';

/** The HTTP API; with runWorkerInProcess it also runs the job processors (the embedded default). */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot(config, 'klausul-api'),
        QueueModule.forRoot(config),
        HealthModule,
        IdentityModule,
        ...(config.runWorkerInProcess ? [WorkerJobsModule.forRoot()] : []),
      ],
    };
  }
}
