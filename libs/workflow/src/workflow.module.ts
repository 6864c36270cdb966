import { DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@klausul/outbox';
import { AuditTrailRepository } from './engine/audit-trail.repository';
import type { WorkflowDefinition } from './engine/workflow-definition';
import { WorkflowEngine } from './engine/workflow-engine.service';
import { WorkflowHistoryRepository } from './engine/workflow-history.repository';
import { WorkflowRegistry } from './engine/workflow-registry';
import { AuditController } from './http/audit.controller';
import { WorkflowsController } from './http/workflows.controller';

/** The engine and the registry of every workflow; with HTTP, the workflow and history routes. */
@Module({})
export class WorkflowModule {
  static forRoot(definitions: readonly WorkflowDefinition[], options: { http: boolean }): DynamicModule {
    return {
      module: WorkflowModule,
      global: true,
      imports: [OutboxModule],
      providers: [
        WorkflowEngine,
        WorkflowHistoryRepository,
        AuditTrailRepository,
        { provide: WorkflowRegistry, useValue: new WorkflowRegistry(definitions) },
      ],
      controllers: options.http ? [WorkflowsController, AuditController] : [],
      exports: [WorkflowEngine, WorkflowHistoryRepository, WorkflowRegistry, AuditTrailRepository],
    };
  }
}
