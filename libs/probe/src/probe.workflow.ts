import { defineWorkflow } from '@klausul/workflow';

export type ProbeState = 'open' | 'pinged' | 'closed';
export type ProbeEvent = 'ping' | 'reset' | 'close' | 'reopen';

/**
 * The engine's self-test, for operators: a probe goes through the whole path (transition,
 * history, outbox, relay, queue, idempotent handler) and its effect row shows it arrived.
 * Admins use it to check a deployment; the test suite and the benchmark use it too.
 */
export const probeWorkflow = defineWorkflow<ProbeState, ProbeEvent>({
  table: {
    name: 'probe',
    states: ['open', 'pinged', 'closed'],
    initial: 'open',
    final: [],
    events: {
      ping: { from: ['open'], to: 'pinged', roles: ['admin'] },
      reset: { from: ['pinged'], to: 'open', roles: ['admin'] },
      close: { from: ['open', 'pinged'], to: 'closed', roles: ['admin'] },
      reopen: { from: ['closed'], to: 'open', roles: ['admin'] },
    },
  },
  tableName: 'probe',
  resource: 'probes',
  readRoles: ['admin'],
  tracksDelivery: true,
  behaviour: {
    ping: { effects: [{ job: 'record-probe-effect' }] },
    close: {
      guards: [({ input }) => (typeof input.reason === 'string' && input.reason.trim() ? null : 'closing a probe needs a reason')],
    },
  },
});
