import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  Clock,
  ConflictError,
  ForbiddenError,
  GuardFailedError,
  InvalidTransitionError,
  isUuid,
  NotFoundError,
} from '@klausul/domain';
import { OUTBOX_CHANNEL } from '@klausul/outbox';
import { queueOf } from '@klausul/queue';
import { allowedEvents } from '../table';
import { TaskScheduler } from '@klausul/scheduling';
import type { EffectRequest, EventBehaviour, TransitionContext, WorkflowDefinition, WorkflowEntityRow } from './workflow-definition';


export interface TransitionOptions {
  /** The version the client last saw (If-Match / expectedVersion); a mismatch is a 409. */
  expectedVersion?: number;
}

export interface TransitionResult {
  id: string;
  state: string;
  version: number;
  transitionId: string;
  outboxIds: string[];
}

/**
 * The one path by which any workflow entity changes state. In one transaction it checks
 * the role, the version the client saw (a stale one is a 409 before anything else) and the table, writes the new state with a compare-and-set on
 * `version`, appends the history row and writes one outbox row per side effect, after
 * the guards and the event's own writes. Any failure rolls all of it back.
 */
@Injectable()
export class WorkflowEngine {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly scheduler: TaskScheduler,
  ) {}

  transition(
    definition: WorkflowDefinition,
    entityId: string,
    event: string,
    actor: Actor,
    input: Record<string, unknown> = {},
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    return this.dataSource.transaction((manager) =>
      this.transitionWithin(manager, definition, entityId, event, actor, input, options),
    );
  }

  /** The same, inside a caller's transaction (a use case that also writes other rows). */
  async transitionWithin(
    manager: EntityManager,
    definition: WorkflowDefinition,
    entityId: string,
    event: string,
    actor: Actor,
    input: Record<string, unknown> = {},
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    const { table } = definition;
    const entity = await this.loadVisible(manager, definition, entityId, actor);
    const rule = Object.prototype.hasOwnProperty.call(table.events, event) ? table.events[event] : undefined;
    const allowedNow = () => allowedEvents(table, entity.state, actor.role);

    if (!rule) throw new InvalidTransitionError(table.name, event, entity.state, allowedNow());
    if (!rule.roles.includes(actor.role)) {
      throw new ForbiddenError(`a ${actor.role} may not ${event} a ${table.name}`, { allowedRoles: [...rule.roles] });
    }
    if (options.expectedVersion !== undefined && options.expectedVersion !== entity.version) {
      throw new ConflictError(`the ${table.name} is at version ${entity.version}, not ${options.expectedVersion}; reload it`, {
        currentVersion: entity.version,
      });
    }
    if (!rule.from.includes(entity.state)) throw new InvalidTransitionError(table.name, event, entity.state, allowedNow());

    const now = this.clock.now();
    const behaviour = definition.behaviour?.[event];
    const context: TransitionContext = { entity: { ...entity, state: rule.to }, event, input, actor, manager, now };
    // Guards and the event's own writes run first; if the compare-and-set below then
    // fails, the transaction rolls all of it back.
    for (const guard of behaviour?.guards ?? []) {
      const reason = await guard(context);
      if (reason) throw new GuardFailedError(table.name, event, reason);
    }
    await behaviour?.apply?.(context);

    const requested = await this.effectsOf(definition, behaviour?.effects, context);
    const effects = requested.filter((effect) => !effect.at);
    const tracked = Boolean(definition.tracksDelivery && effects.some((effect) => effect.entityId === entity.id));
    // One round trip: compare-and-set on version, history row, outbox rows, wake the relay.
    const [written] = await manager.query(
      `WITH moved AS (
         UPDATE ${definition.tableName}
            SET state = $1, version = version + 1, updated_at = $2${tracked ? `, delivery_status = 'pending'` : ''}
          WHERE id = $3 AND version = $4
         RETURNING id, municipality_id
       ), history AS (
         INSERT INTO workflow_transition
           (municipality_id, workflow, entity_id, event, from_state, to_state, version, actor_role, actor_user_id, actor_api_key_id, input, at)
         SELECT municipality_id, $5, id, $6, $7, $1, $4 + 1, $8, $9, $10, $11, $2 FROM moved
         RETURNING id
       ), effects AS (
         INSERT INTO outbox (municipality_id, job_name, queue, entity_id, entity_table, transition_id, payload)
         SELECT m.municipality_id, e.job, e.queue, e.entity_id, e.entity_table, h.id, e.payload
           FROM moved m, history h,
                unnest($12::text[], $13::text[], $14::uuid[], $15::text[], $16::jsonb[]) AS e (job, queue, entity_id, entity_table, payload)
         RETURNING id
       )
       SELECT (SELECT id FROM history) AS transition_id,
              ARRAY(SELECT id::text FROM effects ORDER BY id) AS outbox_ids,
              CASE WHEN EXISTS (SELECT 1 FROM effects) THEN pg_notify('${OUTBOX_CHANNEL}', '') END AS notified`,
      [
        rule.to,
        now,
        entity.id,
        entity.version,
        table.name,
        event,
        entity.state,
        actor.role,
        actor.userId,
        actor.apiKeyId,
        JSON.stringify(input),
        effects.map((effect) => effect.job),
        effects.map((effect) => queueOf(effect.job)),
        effects.map((effect) => effect.entityId),
        effects.map((effect) => effect.entityTable ?? null),
        effects.map((effect) => JSON.stringify(effect.payload ?? {})),
      ],
    );
    if (!written?.transition_id) {
      throw new ConflictError(`the ${table.name} was changed by someone else; reload it`, { currentVersion: null });
    }
    await this.scheduler.schedule(
      manager,
      requested
        .filter((effect) => effect.at)
        .map((effect) => ({
          municipalityId: entity.municipality_id,
          job: effect.job,
          entityId: effect.entityId,
          entityTable: effect.entityTable,
          payload: effect.payload,
          dueAt: effect.at!,
          transitionId: String(written.transition_id),
        })),
    );
    return {
      id: entity.id,
      state: rule.to,
      version: entity.version + 1,
      transitionId: String(written.transition_id),
      outboxIds: written.outbox_ids,
    };
  }

  /** Every side effect of the event, with the entity filled in. */
  private async effectsOf(
    definition: WorkflowDefinition,
    effects: EventBehaviour['effects'],
    context: TransitionContext,
  ): Promise<(EffectRequest & { entityId: string })[]> {
    // Only immediate side effects of the entity itself count towards its delivery_status.
    const own = (at?: Date) => ({
      entityId: context.entity.id,
      entityTable: definition.tracksDelivery && !at ? definition.tableName : undefined,
    });
    if (!effects) return [];
    if (typeof effects === 'function') {
      return (await effects(context)).map((effect) => (effect.entityId ? { ...effect, entityId: effect.entityId } : { ...effect, ...own(effect.at) }));
    }
    return effects.map((effect) => {
      const at = effect.at?.(context);
      return { job: effect.job, ...own(at), payload: effect.payload?.(context), at };
    });
  }

  /**
   * Records the creation of an entity the caller has just inserted (in its initial
   * state, version 1) as the first history row.
   */
  async recordCreation(
    manager: EntityManager,
    definition: WorkflowDefinition,
    entity: Pick<WorkflowEntityRow, 'id' | 'municipality_id'>,
    actor: Actor,
    input: Record<string, unknown> = {},
  ): Promise<string> {
    return this.appendHistory(
      manager,
      definition,
      entity,
      'create',
      null,
      definition.table.initial,
      1,
      actor,
      input,
      this.clock.now(),
    );
  }

  /** Loads an entity the actor may see; anything else is "not found", whatever the reason. */
  async load(manager: EntityManager, definition: WorkflowDefinition, entityId: string, actor: Actor): Promise<WorkflowEntityRow> {
    if (!isUuid(entityId)) throw new NotFoundError(definition.table.name, entityId);
    const supplierFilter = definition.supplierColumn && actor.role === 'supplier_hr';
    const rows: WorkflowEntityRow[] = await manager.query(
      `SELECT * FROM ${definition.tableName}
        WHERE id = $1 AND municipality_id = $2 ${supplierFilter ? `AND ${definition.supplierColumn} = $3` : ''}`,
      supplierFilter ? [entityId, actor.municipalityId, actor.supplierId] : [entityId, actor.municipalityId],
    );
    if (!rows[0]) throw new NotFoundError(definition.table.name, entityId);
    return rows[0];
  }

  /** Loads an entity as its own GET shows it: what the definition's visibleTo hides is "not found" too. */
  async loadVisible(manager: EntityManager, definition: WorkflowDefinition, entityId: string, actor: Actor): Promise<WorkflowEntityRow> {
    const entity = await this.load(manager, definition, entityId, actor);
    if (definition.visibleTo && !definition.visibleTo(entity, actor)) throw new NotFoundError(definition.table.name, entityId);
    return entity;
  }

  private async appendHistory(
    manager: EntityManager,
    definition: WorkflowDefinition,
    entity: Pick<WorkflowEntityRow, 'id' | 'municipality_id'>,
    event: string,
    from: string | null,
    to: string,
    version: number,
    actor: Actor,
    input: Record<string, unknown>,
    at: Date,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO workflow_transition
         (municipality_id, workflow, entity_id, event, from_state, to_state, version, actor_role, actor_user_id, actor_api_key_id, input, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [entity.municipality_id, definition.table.name, entity.id, event, from, to, version, actor.role, actor.userId, actor.apiKeyId, JSON.stringify(input), at],
    );
    return String(rows[0].id);
  }
}
