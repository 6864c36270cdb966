import type { Role } from '@klausul/domain';
import { defineWorkflow } from '@klausul/workflow';
import { createPlacementForHire } from './hire';

export type CandidateState = 'proposed' | 'shortlisted' | 'interview' | 'hired' | 'declined' | 'rejected' | 'withdrawn';
export type CandidateEvent = 'shortlist' | 'decline' | 'interview' | 'hire' | 'reject' | 'withdraw';

const EMPLOYMENT: Role[] = ['employment_caseworker', 'admin'];

/** States in which a supplier sees a candidate: from the shortlist on. */
export const VISIBLE_TO_SUPPLIER: readonly string[] = ['shortlisted', 'interview', 'hired', 'rejected'];

/** What a hire records, all of it the supplier's own. */
const HIRE_FIELDS = ['startDate', 'weeklyHours', 'employmentForm', 'clauseId', 'partnerId', 'replacesPlacementId', 'agreedMonths'];

/**
 * A citizen the jobcenter proposed for a job order: the employment caseworker shortlists
 * (or declines, before the supplier sees it), the supplier interviews, hires or rejects,
 * and the citizen may withdraw. A hire creates the placement that counts toward the clause.
 */
export const candidateWorkflow = defineWorkflow<CandidateState, CandidateEvent>({
  table: {
    name: 'candidate',
    states: ['proposed', 'shortlisted', 'interview', 'hired', 'declined', 'rejected', 'withdrawn'],
    initial: 'proposed',
    final: ['hired', 'declined', 'rejected', 'withdrawn'],
    events: {
      shortlist: { from: ['proposed'], to: 'shortlisted', roles: EMPLOYMENT },
      decline: { from: ['proposed'], to: 'declined', roles: EMPLOYMENT },
      interview: { from: ['shortlisted'], to: 'interview', roles: ['supplier_hr'] },
      hire: { from: ['shortlisted', 'interview'], to: 'hired', roles: ['supplier_hr'] },
      reject: { from: ['shortlisted', 'interview'], to: 'rejected', roles: ['supplier_hr'] },
      withdraw: { from: ['proposed', 'shortlisted', 'interview'], to: 'withdrawn', roles: ['jobcenter_contact', ...EMPLOYMENT] },
    },
  },
  tableName: 'candidate',
  resource: 'candidates',
  readRoles: ['admin', 'procurement_caseworker', 'employment_caseworker', 'jobcenter_contact', 'supplier_hr'],
  supplierColumn: 'supplier_id',
  // A supplier never learns of a candidate the unit declined or did not shortlist.
  visibleTo: (entity, actor) => actor.role !== 'supplier_hr' || VISIBLE_TO_SUPPLIER.includes(entity.state),
  sharedHistoryInput: {
    supplier_hr: { create: ['jobOrderId', 'hasCv'], interview: ['interviewOn'], hire: HIRE_FIELDS, reject: ['reason', 'note'] },
    // What the jobcenter's view of the candidate shows: not the hire's terms (placements' hours are not the jobcenter's) nor the rejection note.
    jobcenter_contact: { create: ['jobOrderId', 'hasCv'], interview: ['interviewOn'], reject: ['reason'], decline: ['note'] },
  },
  behaviour: {
    decline: {
      apply: async ({ manager, entity, input }) => {
        await manager.query('UPDATE candidate SET decline_note = $2 WHERE id = $1 AND version = $3', [entity.id, input.note ?? null, entity.version]);
      },
    },
    interview: {
      apply: async ({ manager, entity, input }) => {
        await manager.query('UPDATE candidate SET interview_on = $2 WHERE id = $1 AND version = $3', [entity.id, input.interviewOn, entity.version]);
      },
    },
    reject: {
      apply: async ({ manager, entity, input }) => {
        await manager.query('UPDATE candidate SET rejection_reason = $2, rejection_note = $3 WHERE id = $1 AND version = $4', [
          entity.id,
          input.reason,
          input.note ?? null,
          entity.version,
        ]);
      },
    },
    hire: { apply: createPlacementForHire },
  },
});
