import type { Role } from '@klausul/domain';
import type { WorkflowDefinition } from '../engine/workflow-definition';

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
