import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, ForbiddenError } from '@klausul/domain';
import { type Page, SerialKeyset } from '@klausul/paging';
import { historyInputFor, type WorkflowDefinition } from './workflow-definition';
import { WorkflowEngine } from './workflow-engine.service';

export interface TransitionRecord {
  id: string;
  event: string;
  from: string | null;
  to: string;
  version: number;
  actor: { role: string; userId: string | null; apiKeyId: string | null };
  input: Record<string, unknown>;
  at: string;
}

/** A transition of one of several workflows (a contract's history mixes its tender's, job orders', placements' and reviews'). */
export interface MixedTransitionRecord extends TransitionRecord {
  /** The workflow's table name, e.g. `job_order`. */
  workflow: string;
  entityId: string;
}

interface TransitionRow {
  id: string;
  event: string;
  from_state: string | null;
  to_state: string;
  version: number;
  actor_role: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  input: Record<string, unknown>;
  at: Date;
}

function recordOf(definition: WorkflowDefinition, actor: Actor, r: TransitionRow): TransitionRecord {
  return {
    id: String(r.id),
    event: r.event,
    from: r.from_state,
    to: r.to_state,
    version: r.version,
    actor: { role: r.actor_role, userId: r.actor_user_id, apiKeyId: r.actor_api_key_id },
    input: historyInputFor(definition, actor, r.event, r.input),
    at: r.at.toISOString(),
  };
}

/** The append-only history of an entity: the audit trail of every change to it. */
@Injectable()
export class WorkflowHistoryRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
  ) {}

  /** One page of the entity's transitions, oldest first (index (workflow, entity_id, id)). */
  async forEntity(definition: WorkflowDefinition, entityId: string, actor: Actor, page: { limit?: number; cursor?: string } = {}): Promise<Page<TransitionRecord>> {
    if (!definition.readRoles.includes(actor.role)) {
      throw new ForbiddenError(`a ${actor.role} may not read ${definition.resource}`, { allowedRoles: [...definition.readRoles] });
    }
    // The same read as the entity's own GET: whoever may not see the entity may not see its history.
    await this.engine.loadVisible(this.dataSource.manager, definition, entityId, actor);
    // The cursor names the entity, so one entity's cursor cannot page another's history.
    const keyset = SerialKeyset.of(page, `history:${definition.table.name}:${entityId}`, 'oldest-first', 'id');
    const params: unknown[] = [definition.table.name, entityId, actor.municipalityId];
    const rows: TransitionRow[] = await this.dataSource.query(
      `SELECT id, event, from_state, to_state, version, actor_role, actor_user_id, actor_api_key_id, input, at
         FROM workflow_transition
        WHERE workflow = $1 AND entity_id = $2 AND municipality_id = $3${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
    return keyset.page(rows, (r) => recordOf(definition, actor, r));
  }

  /**
   * One page of the transitions of several entities of several workflows, newest first, in
   * one query (each workflow's part uses the (workflow, entity_id, id) index), optionally only
   * some events of a workflow. The caller has
   * checked that the actor may see the entities (they are, e.g., one contract's); `key` names
   * the list in its cursors, so one list's cursor cannot page another.
   */
  async forEntities(
    actor: Actor,
    key: string,
    entities: readonly { definition: WorkflowDefinition; ids: readonly string[]; events?: readonly string[] }[],
    page: { limit?: number; cursor?: string } = {},
  ): Promise<Page<MixedTransitionRecord>> {
    for (const { definition } of entities) {
      if (!definition.readRoles.includes(actor.role)) {
        throw new ForbiddenError(`a ${actor.role} may not read ${definition.resource}`, { allowedRoles: [...definition.readRoles] });
      }
    }
    const keyset = SerialKeyset.of(page, `history:${key}`, 'newest-first', 'id');
    const wanted = entities.filter((e) => e.ids.length > 0);
    if (wanted.length === 0) return { items: [], nextCursor: null };
    const params: unknown[] = [actor.municipalityId];
    const parts = wanted.map(({ definition, ids, events }) => {
      const only = events ? ` AND event = ANY($${params.push([...events])}::text[])` : '';
      return `(workflow = $${params.push(definition.table.name)} AND entity_id = ANY($${params.push([...ids])}::uuid[])${only})`;
    });
    const rows: (TransitionRow & { workflow: string; entity_id: string })[] = await this.dataSource.query(
      `SELECT id, workflow, entity_id, event, from_state, to_state, version, actor_role, actor_user_id, actor_api_key_id, input, at
         FROM workflow_transition
        WHERE municipality_id = $1 AND (${parts.join(' OR ')})${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
    const byName = new Map(wanted.map(({ definition }) => [definition.table.name, definition]));
    return keyset.page(rows, (r) => ({ ...recordOf(byName.get(r.workflow)!, actor, r), workflow: r.workflow, entityId: r.entity_id }));
  }
}
