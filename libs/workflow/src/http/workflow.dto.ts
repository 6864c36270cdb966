import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '@klausul/domain';
import type { WorkflowDefinition } from '../engine/workflow-definition';
import type { TransitionRecord } from '../engine/workflow-history.repository';

export interface WorkflowDescription {
  name: string;
  resource: string;
  states: string[];
  initial: string;
  final: string[];
  events: { name: string; from: string[]; to: string; roles: Role[] }[];
}

export function toWorkflowDescription(definition: WorkflowDefinition): WorkflowDescription {
  const { table } = definition;
  return {
    name: table.name,
    resource: definition.resource,
    states: [...table.states],
    initial: table.initial,
    final: [...table.final],
    events: Object.entries(table.events).map(([name, rule]) => ({ name, from: [...rule.from], to: rule.to, roles: [...rule.roles] })),
  };
}

export class TransitionActorView {
  @ApiProperty() role!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) apiKeyId!: string | null;
}

/** One entry of an entity's history, as the history route documents it. */
export class TransitionView implements TransitionRecord {
  @ApiProperty({ description: 'Grows with every transition recorded' }) id!: string;
  @ApiProperty() event!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for the creation' }) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: TransitionActorView }) actor!: TransitionActorView;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's input; a reader outside the matchmaking unit sees only the fields shared with its role" }) input!: Record<string, unknown>;
  @ApiProperty() at!: string;
}
