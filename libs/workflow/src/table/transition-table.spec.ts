import fc from 'fast-check';
import { mermaidDiagram } from './mermaid';
import { allowedEvents, nextState, replay, tableProblems, type WorkflowTable } from './transition-table';

const door: WorkflowTable<'open' | 'closed' | 'locked' | 'gone', 'close' | 'open' | 'lock' | 'unlock' | 'remove'> = {
  name: 'door',
  states: ['open', 'closed', 'locked', 'gone'],
  initial: 'closed',
  final: ['gone'],
  events: {
    open: { from: ['closed'], to: 'open', roles: ['admin', 'supplier_hr'] },
    close: { from: ['open'], to: 'closed', roles: ['admin', 'supplier_hr'] },
    lock: { from: ['closed'], to: 'locked', roles: ['admin'] },
    unlock: { from: ['locked'], to: 'closed', roles: ['admin'] },
    remove: { from: ['open', 'closed'], to: 'gone', roles: ['admin'] },
  },
};

describe('transition tables', () => {
  it('lists the events allowed from a state, and those a role may fire', () => {
    expect(allowedEvents(door, 'closed')).toEqual(['open', 'lock', 'remove']);
    expect(allowedEvents(door, 'closed', 'supplier_hr')).toEqual(['open']);
    expect(allowedEvents(door, 'gone')).toEqual([]);
  });

  it('finds the next state, or null for an event the state does not allow', () => {
    expect(nextState(door, 'closed', 'lock')).toBe('locked');
    expect(nextState(door, 'locked', 'open')).toBeNull();
    expect(nextState(door, 'open', 'fly')).toBeNull();
  });

  it('finds no problem in a sound table and names each problem in a broken one', () => {
    expect(tableProblems(door)).toEqual([]);
    const broken: WorkflowTable = {
      name: 'broken',
      states: ['a', 'b', 'island'],
      initial: 'a',
      final: ['b'],
      events: { go: { from: ['a'], to: 'b', roles: ['admin'] }, back: { from: ['b'], to: 'c', roles: [] } },
    };
    expect(tableProblems(broken)).toEqual([
      'back leads to unknown state c',
      'back leaves final state b',
      'back may be fired by no role',
      'state island cannot be reached',
    ]);
  });

  it('replays any sequence of events to a state of the table, or rejects it', () => {
    const events = Object.keys(door.events);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events, 'fly'), { maxLength: 30 }), (sequence) => {
        const end = replay(door, sequence);
        if (end !== null) expect(door.states).toContain(end);
        // A rejected sequence fails exactly at the first event its state does not allow.
        let state: string | null = door.initial;
        for (const event of sequence) state = state === null ? null : nextState(door, state as never, event);
        expect(end).toBe(state);
      }),
    );
  });

  it('draws every transition in the Mermaid diagram', () => {
    const diagram = mermaidDiagram(door);
    expect(diagram.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(diagram).toContain('[*] --> closed');
    expect(diagram).toContain('open --> gone: remove');
    expect(diagram).toContain('closed --> gone: remove');
    expect(diagram).toContain('gone --> [*]');
  });
});
