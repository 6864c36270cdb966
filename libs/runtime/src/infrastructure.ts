import type { DynamicModule, Type } from '@nestjs/common';
import type { Clock } from '@klausul/domain';
import type { Logger } from 'pino';
import { ConfigModule, type AppConfig } from '@klausul/config';
import { DatabaseModule } from '@klausul/database';
import { FilesModule } from '@klausul/files';
import { LoggingModule } from '@klausul/logging';
import { MessagingModule } from '@klausul/messaging';
import { OutboxModule } from '@klausul/outbox';
import { QueueModule } from '@klausul/queue';
import { SchedulingModule } from '@klausul/scheduling';
import { WorkflowModule } from '@klausul/workflow';
import { workflowDefinitions } from './workflow-catalog';

/** What every Klausul process stands on: config, logs, database, queues, the engine. */
export function infrastructureModules(
  config: AppConfig,
  logger: Logger,
  process: 'api' | 'worker',
  clock?: Clock,
): (DynamicModule | Type)[] {
  return [
    ConfigModule.forRoot(config, clock),
    LoggingModule.forRoot(logger),
    DatabaseModule.forRoot(config, `klausul-${process}`),
    QueueModule.forRoot(config),
    OutboxModule,
    SchedulingModule,
    MessagingModule,
    FilesModule,
    WorkflowModule.forRoot(workflowDefinitions, { http: process === 'api' }),
  ];
}
