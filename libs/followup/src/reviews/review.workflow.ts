import type { Role } from '@klausul/domain';
import { defineWorkflow } from '@klausul/workflow';

export type ReviewState = 'awaiting_supplier' | 'submitted' | 'overdue' | 'concluded';
export type ReviewEvent = 'submit' | 'mark_overdue' | 'conclude';

const UNIT: Role[] = ['procurement_caseworker', 'employment_caseworker', 'admin'];

/** Actions a caseworker may decide on when concluding a review. */
export const REVIEW_ACTIONS = ['offer_upskilling', 'request_replacement', 'notify_breach'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * The monthly follow-up (månedlig opfølgning) of one contract: the supplier confirms who
 * is still employed, the unit concludes. The monthly run creates reviews set-based (with
 * their `create` history row); reminder, deadline and escalation are scheduled tasks.
 */
export const reviewWorkflow = defineWorkflow<ReviewState, ReviewEvent>({
  table: {
    name: 'review',
    states: ['awaiting_supplier', 'submitted', 'overdue', 'concluded'],
    initial: 'awaiting_supplier',
    final: ['concluded'],
    events: {
      submit: { from: ['awaiting_supplier', 'overdue'], to: 'submitted', roles: ['supplier_hr'] },
      // Fired by the system at the deadline (the system acts as admin).
      mark_overdue: { from: ['awaiting_supplier'], to: 'overdue', roles: ['admin'] },
      conclude: { from: ['submitted', 'overdue'], to: 'concluded', roles: UNIT },
    },
  },
  tableName: 'review',
  resource: 'reviews',
  readRoles: [...UNIT, 'supplier_hr'],
  supplierColumn: 'supplier_id',
  behaviour: {
    submit: {
      apply: async ({ manager, entity, input, now }) => {
        await manager.query('UPDATE review SET supplier_note = $2, submitted_at = $3 WHERE id = $1', [entity.id, input.note ?? null, now]);
      },
    },
    mark_overdue: {
      effects: [{ job: 'escalate-review', at: ({ input }) => new Date(String(input.escalateAt)) }],
    },
    conclude: {
      apply: async ({ manager, entity, input, now }) => {
        await manager.query('UPDATE review SET discussion = $2, challenges = $3, actions = $4, concluded_at = $5 WHERE id = $1', [
          entity.id,
          input.discussion,
          input.challenges ?? null,
          JSON.stringify(input.actions ?? []),
          now,
        ]);
      },
    },
  },
});
