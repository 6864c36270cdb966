import { type Actor, InvalidInputError, type Role } from '@klausul/domain';
import { defineWorkflow, type EffectRequest, type TransitionContext } from '@klausul/workflow';
import { candidateDeadlines, DEFAULT_CANDIDATE_WORKING_DAYS } from './job-order.deadlines';
import { JOB_ORDER_FIELDS, type JobOrderFields, writeJobOrderFields } from './job-order.repository';

export type JobOrderState = 'draft' | 'submitted' | 'returned' | 'forwarded' | 'shortlist_sent' | 'closed' | 'cancelled';
export type JobOrderEvent = 'edit' | 'revise' | 'submit' | 'return' | 'forward' | 'send_shortlist' | 'close' | 'reopen' | 'cancel';

const UNIT: Role[] = ['procurement_caseworker', 'employment_caseworker', 'admin'];

/** What the jobcenter sees: job descriptions that have been forwarded to it. */
export const VISIBLE_TO_JOBCENTER: readonly string[] = ['forwarded', 'shortlist_sent', 'closed'];

/** While the jobcenter searches, a failed dispatch may be sent again; once closed or cancelled it must not reach the jobcenter. */
export const RETRYABLE_STATES: readonly string[] = ['forwarded', 'shortlist_sent'];

/** Whether the actor may see a job order at all (its municipality and supplier aside). */
export function jobOrderVisibleTo(order: { state: unknown }, actor: Pick<Actor, 'role'>): boolean {
  return actor.role !== 'jobcenter_contact' || VISIBLE_TO_JOBCENTER.includes(String(order.state));
}

/** The supplier's edit: the changed fields are the event's input (and so its history). */
async function writeEdit({ manager, entity, input }: TransitionContext): Promise<void> {
  await writeJobOrderFields(manager, entity.id, entity.version, input as Partial<JobOrderFields>);
}

async function deadlinesFor({ manager, entity, now }: TransitionContext) {
  const [setting] = await manager.query('SELECT candidate_working_days FROM matching_setting WHERE municipality_id = $1', [
    entity.municipality_id,
  ]);
  return candidateDeadlines(now, setting?.candidate_working_days ?? DEFAULT_CANDIDATE_WORKING_DAYS);
}

/** Forwarding (or reopening) starts the jobcenter's clock. */
async function startCandidateSearch(context: TransitionContext): Promise<void> {
  const { dueOn } = await deadlinesFor(context);
  await context.manager.query(
    'UPDATE job_order SET forwarded_at = $2, candidates_due_on = $3, return_comment = NULL WHERE id = $1 AND version = $4',
    [context.entity.id, context.now, dueOn, context.entity.version],
  );
}

/**
 * Forwarding to chosen channels: each must be an active channel of the municipality (else a
 * 400 on channelIds); none chosen (null) means every active channel at dispatch time. Reopen
 * does not come here, so a replacement search goes to the channels chosen at the forward.
 */
async function recordForwardChannels({ manager, entity, input }: TransitionContext): Promise<void> {
  const chosen = Array.isArray(input.channelIds) ? [...new Set(input.channelIds.map(String))] : null;
  if (chosen) {
    const [{ active }] = await manager.query(
      'SELECT count(*)::int AS active FROM jobcenter_channel WHERE id = ANY($1::uuid[]) AND municipality_id = $2 AND active',
      [chosen, entity.municipality_id],
    );
    if (active !== chosen.length) throw new InvalidInputError('channelIds must name active jobcenter channels of the municipality', { field: 'channelIds' });
  }
  await manager.query('UPDATE job_order SET forward_channel_ids = $2 WHERE id = $1 AND version = $3', [entity.id, chosen, entity.version]);
}

/** Send the job description now; remind the jobcenter before the deadline; check the count at it. */
async function candidateSearchEffects(context: TransitionContext): Promise<EffectRequest[]> {
  const { remindAt, deadlineAt } = await deadlinesFor(context);
  return [
    { job: 'dispatch-job-description', entityId: context.entity.id, entityTable: 'job_order' },
    { job: 'remind-candidates-due', entityId: context.entity.id, at: remindAt },
    { job: 'check-candidates-at-deadline', entityId: context.entity.id, at: deadlineAt },
  ];
}

/**
 * A supplier's job description (stillingsbeskrivelse) on its way through the Odense
 * model's matching: the supplier submits it, procurement forwards it to the jobcenter
 * (or returns it), the employment caseworker sends the shortlist back, and it closes
 * when the positions are filled; it reopens when a replacement is needed. The supplier edits
 * a draft (edit) or a returned description (revise) through the engine like any other
 * change, so a stale edit is a 409 and an edit after submit is refused.
 */
export const jobOrderWorkflow = defineWorkflow<JobOrderState, JobOrderEvent>({
  table: {
    name: 'job_order',
    states: ['draft', 'submitted', 'returned', 'forwarded', 'shortlist_sent', 'closed', 'cancelled'],
    initial: 'draft',
    final: ['cancelled'],
    events: {
      edit: { from: ['draft'], to: 'draft', roles: ['supplier_hr'] },
      revise: { from: ['returned'], to: 'returned', roles: ['supplier_hr'] },
      submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['supplier_hr'] },
      return: { from: ['submitted'], to: 'returned', roles: ['procurement_caseworker', 'admin'] },
      forward: { from: ['submitted'], to: 'forwarded', roles: ['procurement_caseworker', 'admin'] },
      send_shortlist: { from: ['forwarded'], to: 'shortlist_sent', roles: ['employment_caseworker', 'admin'] },
      close: { from: ['forwarded', 'shortlist_sent'], to: 'closed', roles: [...UNIT, 'supplier_hr'] },
      reopen: { from: ['closed'], to: 'forwarded', roles: UNIT },
      cancel: { from: ['draft', 'submitted', 'returned', 'forwarded', 'shortlist_sent'], to: 'cancelled', roles: ['supplier_hr', 'procurement_caseworker', 'admin'] },
    },
  },
  tableName: 'job_order',
  resource: 'job-orders',
  readRoles: [...UNIT, 'supplier_hr', 'jobcenter_contact'],
  supplierColumn: 'supplier_id',
  tracksDelivery: true,
  visibleTo: jobOrderVisibleTo,
  sharedHistoryInput: {
    supplier_hr: { create: ['contractId'], edit: JOB_ORDER_FIELDS, revise: JOB_ORDER_FIELDS, return: ['comment'] },
    // The return comment was for the supplier, and is cleared once the description is forwarded.
    jobcenter_contact: { create: ['contractId'], edit: JOB_ORDER_FIELDS, revise: JOB_ORDER_FIELDS },
  },
  behaviour: {
    edit: { apply: writeEdit },
    revise: { apply: writeEdit },
    return: {
      guards: [({ input }) => (typeof input.comment === 'string' && input.comment.trim() ? null : 'returning a job description needs a comment for the supplier')],
      apply: async ({ manager, entity, input }) => {
        await manager.query('UPDATE job_order SET return_comment = $2 WHERE id = $1 AND version = $3', [entity.id, input.comment, entity.version]);
      },
    },
    forward: {
      apply: async (context) => {
        await recordForwardChannels(context);
        await startCandidateSearch(context);
      },
      effects: candidateSearchEffects,
    },
    send_shortlist: {
      effects: [{ job: 'send-shortlist' }],
    },
    // A replacement search: the jobcenter gets the job description again, with a new deadline.
    reopen: { apply: startCandidateSearch, effects: candidateSearchEffects },
  },
});
