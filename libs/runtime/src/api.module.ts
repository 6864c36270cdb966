import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '@klausul/config';
import type { Clock } from '@klausul/domain';
import { ContractsApiModule } from '@klausul/contracts';
import { FollowupApiModule } from '@klausul/followup';
import { HealthModule } from '@klausul/health';
import { IdentityModule } from '@klausul/identity';
import { MatchingApiModule } from '@klausul/matching';
import { MessagingApiModule } from '@klausul/messaging';
import { ProbeApiModule } from '@klausul/probe';
import { WebModule } from '@klausul/web';
import { infrastructureModules } from './infrastructure';
import { WorkerJobsModule } from './worker.module';

/** The HTTP API; with runWorkerInProcess it also runs the job processors (the embedded default). */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ...infrastructureModules(config, logger, 'api', clock),
        HealthModule,
        IdentityModule,
        ProbeApiModule,
        MessagingApiModule,
        ContractsApiModule,
        MatchingApiModule,
        FollowupApiModule,
        WebModule,
        ...(config.runWorkerInProcess ? [WorkerJobsModule.forRoot()] : []),
      ],
    };
  }
}
