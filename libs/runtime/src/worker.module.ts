import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '@klausul/config';
import type { Clock } from '@klausul/domain';
import { ContractsWorkerModule } from '@klausul/contracts';
import { FollowupWorkerModule } from '@klausul/followup';
import { HeartbeatModule } from '@klausul/heartbeat';
import { MatchingWorkerModule } from '@klausul/matching';
import { MessagingWorkerModule } from '@klausul/messaging';
import { OutboxWorkerModule } from '@klausul/outbox';
import { ProbeWorkerModule } from '@klausul/probe';
import { SchedulingWorkerModule } from '@klausul/scheduling';
import { infrastructureModules } from './infrastructure';

/** The relay, the queue processors and every job handler. Imported alone by the worker process, or into the API for the single-process default. */
@Module({})
export class WorkerJobsModule {
  static forRoot(): DynamicModule {
    return {
      module: WorkerJobsModule,
      imports: [OutboxWorkerModule, SchedulingWorkerModule, MessagingWorkerModule, MatchingWorkerModule, HeartbeatModule.forWorker(), ProbeWorkerModule, ContractsWorkerModule, FollowupWorkerModule],
    };
  }
}

/** Everything a worker process runs. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...infrastructureModules(config, logger, 'worker', clock), WorkerJobsModule.forRoot()],
    };
  }
}
