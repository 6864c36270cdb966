import type { Role } from '@klausul/domain';
import { defineWorkflow } from '@klausul/workflow';

export type ReviewState = 'awaiting_supplier' | 'submitted' | 'overdue' | 'concluded';
export type ReviewEvent = 'submit' | 'correct' | 'mark_overdue' | 'conclude';

const UNIT: Role[] = ['procurement_caseworker', 'employment_caseworker', 'admin'];

/** Actions a caseworker may decide on when concluding a review. */
export const REVIEW_ACTIONS = ['offer_upskilling', 'request_replacement', 'notify_breach'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * The monthly follow-up (månedlig opfølgning) of one contract: the supplier confirms who
 * is still employed (and may correct its answers until the unit concludes), the unit
 * concludes. The monthly run creates reviews set-based (with their `create` history row);
 * reminder, deadline and escalation are scheduled tasks.
 */
export const reviewWorkflow = defineWorkflow<ReviewState, ReviewEvent>({
  table: {
    name: 'review',
    states: ['awaiting_supplier', 'submitted', 'overdue', 'concluded'],
    initial: 'awaiting_supplier',
    final: ['concluded'],
    events: {
      submit: { from: ['awaiting_supplier', 'overdue'], to: 'submitted', roles: ['supplier_hr'] },
      // The supplier's own mistake, put right before the unit has concluded; the history row holds the answers before and after.
      correct: { from: ['submitted'], to: 'submitted', roles: ['supplier_hr'] },
      // Fired by the system at the deadline (the system acts as admin).
      mark_overdue: { from: ['awaiting_supplier'], to: 'overdue', roles: ['admin'] },
      conclude: { from: ['submitted', 'overdue'], to: 'concluded', roles: UNIT },
    },
  },
  tableName: 'review',
  resource: 'reviews',
  readRoles: [...UNIT, 'supplier_hr'],
  supplierColumn: 'supplier_id',
  // The supplier reads its own answers and corrections in the history, and of the conclusion only what the unit shares with it.
  sharedHistoryInput: {
    supplier_hr: { create: ['period'], submit: ['note', 'placements'], correct: ['note', 'noteBefore', 'changes'], conclude: ['noteToSupplier'] },
  },
  behaviour: {
    submit: {
      apply: async ({ manager, entity, input, now }) => {
        await manager.query('UPDATE review SET supplier_note = $2, submitted_at = $3 WHERE id = $1', [entity.id, input.note ?? null, now]);
      },
    },
    correct: {
      apply: async ({ manager, entity, input, now }) => {
        await manager.query('UPDATE review SET supplier_note = $2, corrected_at = $3 WHERE id = $1', [entity.id, input.note ?? null, now]);
      },
    },
    mark_overdue: {
      effects: [{ job: 'escalate-review', at: ({ input }) => new Date(String(input.escalateAt)) }],
    },
    conclude: {
      apply: async ({ manager, entity, input, now }) => {
        await manager.query(
          'UPDATE review SET discussion = $2, challenges = $3, actions = $4, note_to_supplier = $5, concluded_at = $6, upskilling_programme_id = $7 WHERE id = $1',
          [entity.id, input.discussion, input.challenges ?? null, JSON.stringify(input.actions ?? []), input.noteToSupplier ?? null, now, input.upskillingProgrammeId ?? null],
        );
      },
    },
  },
});
