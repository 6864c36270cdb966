import type { Role } from '@klausul/domain';

/**
 * One named event of a workflow: the states it may fire from, the state it leads to,
 * the roles allowed to fire it. Guards and side effects are attached in the engine's
 * workflow definition; this part is pure data.
 */
export interface EventRule<S extends string> {
  from: readonly S[];
  to: S;
  roles: readonly Role[];
}

export type TransitionTable<S extends string, E extends string> = { readonly [K in E]: EventRule<S> };

/** The data part of a workflow: enough to check events, list them and draw the diagram. */
export interface WorkflowTable<S extends string = string, E extends string = string> {
  name: string;
  states: readonly S[];
  initial: S;
  /** States no event leaves (drawn as end states). */
  final: readonly S[];
  events: TransitionTable<S, E>;
}

export function eventNames<S extends string, E extends string>(table: WorkflowTable<S, E>): E[] {
  return Object.keys(table.events) as E[];
}

/** Events that may fire from `state`, optionally only those the role may fire. */
export function allowedEvents<S extends string, E extends string>(
  table: WorkflowTable<S, E>,
  state: S,
  role?: Role,
): E[] {
  return eventNames(table).filter((event) => {
    const rule = table.events[event];
    return rule.from.includes(state) && (role === undefined || rule.roles.includes(role));
  });
}

/** The state `event` leads to from `state`, or null when the table does not allow it. */
export function nextState<S extends string, E extends string>(table: WorkflowTable<S, E>, state: S, event: string): S | null {
  const rule = (table.events as Record<string, EventRule<S> | undefined>)[event];
  return rule && rule.from.includes(state) ? rule.to : null;
}

/** Replays a history of events from the initial state; null when one of them is not allowed. */
export function replay<S extends string, E extends string>(table: WorkflowTable<S, E>, events: readonly string[]): S | null {
  let state: S = table.initial;
  for (const event of events) {
    const next = nextState(table, state, event);
    if (next === null) return null;
    state = next;
  }
  return state;
}

/** Structural mistakes in a table, as sentences; empty when the table is sound. */
export function tableProblems(table: WorkflowTable): string[] {
  const problems: string[] = [];
  const states = new Set(table.states);
  if (!states.has(table.initial)) problems.push(`initial state ${table.initial} is not a state`);
  for (const state of table.final) if (!states.has(state)) problems.push(`final state ${state} is not a state`);
  for (const [event, rule] of Object.entries(table.events)) {
    if (!states.has(rule.to)) problems.push(`${event} leads to unknown state ${rule.to}`);
    for (const from of rule.from) if (!states.has(from)) problems.push(`${event} fires from unknown state ${from}`);
    for (const from of rule.from) if (table.final.includes(from)) problems.push(`${event} leaves final state ${from}`);
    if (rule.from.length === 0) problems.push(`${event} fires from no state`);
    if (rule.roles.length === 0) problems.push(`${event} may be fired by no role`);
  }
  const reachable = new Set([table.initial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const rule of Object.values(table.events)) {
      if (rule.from.some((s) => reachable.has(s)) && !reachable.has(rule.to)) {
        reachable.add(rule.to);
        grew = true;
      }
    }
  }
  for (const state of table.states) if (!reachable.has(state)) problems.push(`state ${state} cannot be reached`);
  return problems;
}
