import { type Actor, MATCHMAKING_UNIT, type Role } from '@klausul/domain';
import type { EntityManager } from 'typeorm';
import type { JobName } from '@klausul/queue';
import type { WorkflowTable } from '../table';

/** The row columns every workflow entity table has. */
export interface WorkflowEntityRow {
  id: string;
  municipality_id: string;
  state: string;
  version: number;
  [column: string]: unknown;
}

export interface TransitionContext<I = Record<string, unknown>> {
  entity: WorkflowEntityRow;
  event: string;
  input: I;
  actor: Actor;
  manager: EntityManager;
  now: Date;
}

/** Returns why the event may not happen now, or null when it may. Runs inside the transaction. */
export type Guard = (context: TransitionContext) => Promise<string | null> | string | null;

/** A side effect of an event: one outbox row, relayed to BullMQ as this job. */
export interface Effect {
  job: JobName;
  /** Extra ids for the job payload (never personal data). */
  payload?: (context: TransitionContext) => Record<string, string>;
  /** Run the job at this time instead of now: a scheduled task, fired by the due-task sweeper. */
  at?: (context: TransitionContext) => Date;
}

/** A side effect computed when the event fires, e.g. one per contract an award created. */
export interface EffectRequest {
  job: JobName;
  /** The entity the job is about; the transitioning entity when omitted. */
  entityId?: string;
  /** Its table, when it tracks delivery_status. */
  entityTable?: string;
  payload?: Record<string, string>;
  at?: Date;
}

/** Behaviour attached to one event of the table. */
export interface EventBehaviour {
  guards?: readonly Guard[];
  /** Writes the event's own data (in the same transaction, before the state change is committed). */
  apply?: (context: TransitionContext) => Promise<void>;
  /** Fixed side effects, or a function that computes them (after apply). */
  effects?: readonly Effect[] | ((context: TransitionContext) => Promise<EffectRequest[]>);
}

/**
 * A workflow: its table (pure data) plus where its entities live and what its events do.
 * The engine is the only code that changes `state` and `version` in `tableName`.
 */
export interface WorkflowDefinition<S extends string = string, E extends string = string> {
  table: WorkflowTable<S, E>;
  /** The PostgreSQL table of the entities (id, municipality_id, state, version, updated_at). */
  tableName: string;
  /** The REST resource, e.g. `tenders`: history is at /api/v1/<resource>/:id/history. */
  resource: string;
  /** Roles that may read the entities and their history (each event lists who may fire it). */
  readRoles: readonly Role[];
  /** Column holding the supplier an entity belongs to; supplier_hr actors see only their own. */
  supplierColumn?: string;
  /** Whether the table has a delivery_status column the outbox keeps up to date. */
  tracksDelivery?: boolean;
  /**
   * Narrows who sees an entity beyond municipality and supplier, as its own GET does (the
   * jobcenter sees job orders once forwarded, a supplier candidates once shortlisted).
   * An entity it hides is "not found" on its GET, its history and its events alike.
   */
  visibleTo?: (entity: WorkflowEntityRow, actor: Actor) => boolean;
  /**
   * What a reader outside the matchmaking unit (supplier HR, the jobcenter) sees of each
   * event's input in the history: per role, per event (`create` for the creation), the
   * input fields shown. Every field not listed is left out, so a new field stays private
   * until it is listed here; the unit and admins see every input.
   */
  sharedHistoryInput?: Partial<Record<Role, Partial<Record<E | 'create', readonly string[]>>>>;
  behaviour?: Partial<Record<E, EventBehaviour>>;
}

/** Readers who see every input an entity's history holds: the matchmaking unit and the admins. */
const READS_ALL_HISTORY_INPUT: readonly Role[] = ['admin', ...MATCHMAKING_UNIT];

/** The part of an event's recorded input this actor may read in the entity's history. */
export function historyInputFor(
  definition: Pick<WorkflowDefinition, 'sharedHistoryInput'>,
  actor: Actor,
  event: string,
  input: Record<string, unknown>,
): Record<string, unknown> {
  if (READS_ALL_HISTORY_INPUT.includes(actor.role)) return input;
  const ofRole = (definition.sharedHistoryInput?.[actor.role] ?? {}) as Record<string, readonly string[]>;
  const shared = Object.hasOwn(ofRole, event) ? ofRole[event] : [];
  return Object.fromEntries(Object.entries(input ?? {}).filter(([field]) => shared.includes(field)));
}

export function defineWorkflow<S extends string, E extends string>(definition: WorkflowDefinition<S, E>): WorkflowDefinition<S, E> {
  return definition;
}
