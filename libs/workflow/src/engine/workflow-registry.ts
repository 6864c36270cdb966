import { NotFoundError } from '@klausul/domain';
import { tableProblems } from '../table';
import type { WorkflowDefinition } from './workflow-definition';

export const WORKFLOW_DEFINITIONS = Symbol('WORKFLOW_DEFINITIONS');

/** Every workflow of the running system, by name and by REST resource. */
export class WorkflowRegistry {
  private readonly byName = new Map<string, WorkflowDefinition>();
  private readonly byResource = new Map<string, WorkflowDefinition>();

  constructor(definitions: readonly WorkflowDefinition[]) {
    for (const definition of definitions) {
      const problems = tableProblems(definition.table);
      if (problems.length) throw new Error(`workflow ${definition.table.name} is unsound: ${problems.join('; ')}`);
      if (this.byName.has(definition.table.name)) throw new Error(`two workflows are named ${definition.table.name}`);
      this.byName.set(definition.table.name, definition);
      this.byResource.set(definition.resource, definition);
    }
  }

  all(): WorkflowDefinition[] {
    return [...this.byName.values()];
  }

  byWorkflowName(name: string): WorkflowDefinition {
    const found = this.byName.get(name);
    if (!found) throw new NotFoundError('workflow', name);
    return found;
  }

  byResourceName(resource: string): WorkflowDefinition {
    const found = this.byResource.get(resource);
    if (!found) throw new NotFoundError('resource', resource);
    return found;
  }
}
