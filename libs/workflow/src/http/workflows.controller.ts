import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor } from '@klausul/identity';
import { ApiPageOf, type Page, PageQuery } from '@klausul/paging';
import type { TransitionRecord } from '../engine/workflow-history.repository';
import { WorkflowHistoryRepository } from '../engine/workflow-history.repository';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { mermaidDiagram } from '../table';
import { toWorkflowDescription, TransitionView, type WorkflowDescription } from './workflow.dto';

/** What each workflow allows, drawn from its table; and every entity's history. */
@ApiTags('workflows')
@Controller()
export class WorkflowsController {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly history: WorkflowHistoryRepository,
  ) {}

  @Get('workflows')
  @ApiOperation({ summary: 'Every workflow with its states and events (who may fire them, from where, to where)' })
  list(): WorkflowDescription[] {
    return this.registry.all().map(toWorkflowDescription);
  }

  @Get('workflows/:name/diagram')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOkResponse({ description: 'A Mermaid stateDiagram-v2 generated from the transition table' })
  diagram(@Param('name') name: string): string {
    return mermaidDiagram(this.registry.byWorkflowName(name).table);
  }

  @Get(':resource/:id/history')
  @ApiOperation({
    summary: 'The transitions of one entity, oldest first (the audit trail of its changes); 404 wherever the entity itself is, and only the inputs your role may see',
  })
  @ApiPageOf(TransitionView)
  entityHistory(
    @CurrentActor() actor: Actor,
    @Param('resource') resource: string,
    @Param('id') id: string,
    @Query() query: PageQuery,
  ): Promise<Page<TransitionRecord>> {
    return this.history.forEntity(this.registry.byResourceName(resource), id, actor, query);
  }
}
