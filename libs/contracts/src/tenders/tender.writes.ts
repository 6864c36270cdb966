import type { EffectRequest, TransitionContext } from '@klausul/workflow';
import type { DefineClauseCommand, ReasonCommand, ScreeningCommand } from './tender.commands';

/** screen: the assessment of the tender's clause potential (revised in place while screening). */
export async function recordScreening({ entity, input, manager, now }: TransitionContext): Promise<void> {
  const s = input as unknown as ScreeningCommand;
  await manager.query(
    `INSERT INTO tender_screening (tender_id, municipality_id, suitable_tasks, split_shifts, core_tasks, ancillary_tasks,
                                   upskilling_options, estimated_hires, notes, assessed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tender_id) DO UPDATE SET
       suitable_tasks = EXCLUDED.suitable_tasks, split_shifts = EXCLUDED.split_shifts, core_tasks = EXCLUDED.core_tasks,
       ancillary_tasks = EXCLUDED.ancillary_tasks, upskilling_options = EXCLUDED.upskilling_options,
       estimated_hires = EXCLUDED.estimated_hires, notes = EXCLUDED.notes, assessed_at = EXCLUDED.assessed_at`,
    [entity.id, entity.municipality_id, s.suitableTasks, s.splitShifts, s.coreTasks, s.ancillaryTasks, s.upskillingOptions, s.estimatedHires, s.notes, now],
  );
}

/** define-clause: the drafts replace any earlier ones (a clause may be redrafted until publication). */
export async function replaceClauseDrafts({ entity, input, manager }: TransitionContext): Promise<void> {
  const command = input as unknown as DefineClauseCommand;
  await manager.query('DELETE FROM clause_draft WHERE tender_id = $1', [entity.id]);
  for (const c of command.clauses) {
    await manager.query(
      `INSERT INTO clause_draft (municipality_id, tender_id, lot_id, required_hires, weekly_hours_per_hire, total_weekly_hours,
                                 target_groups, employment_forms, requires_rsv_cooperation, early_end_share, partner_placements_count,
                                 first_hire_within_months, full_fulfilment_within_months)
       VALUES ($1, $2, (SELECT id FROM tender_lot WHERE tender_id = $2 AND number = $3), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        entity.municipality_id,
        entity.id,
        c.lotNumber,
        c.requiredHires,
        c.weeklyHoursPerHire,
        c.totalWeeklyHours,
        c.targetGroups,
        c.employmentForms,
        c.requiresRsvCooperation,
        c.earlyEndShare,
        c.partnerPlacementsCount,
        c.firstHireWithinMonths,
        c.fullFulfilmentWithinMonths,
      ],
    );
  }
  if (command.noMeetingReason) {
    await manager.query('UPDATE tender SET no_meeting_reason = $2 WHERE id = $1', [entity.id, command.noMeetingReason]);
  }
}

/** not-suitable and cancel: why the tender leaves phase 1. */
export async function closeWithReason({ entity, input, manager }: TransitionContext): Promise<void> {
  await manager.query('UPDATE tender SET closed_reason = $2 WHERE id = $1', [entity.id, (input as unknown as ReasonCommand).reason]);
}

/** hand-over: every contract of the tender enters phase 2 (matching). */
export async function startMatchingPhase({ entity, manager, now }: TransitionContext): Promise<void> {
  await manager.query(`UPDATE contract SET phase = 'matching', updated_at = $2 WHERE tender_id = $1`, [entity.id, now]);
}

/** hand-over: a check-first-hire task per contract with a clause, due at the start of its first-hire deadline. */
export async function firstHireMilestones({ entity, manager }: TransitionContext): Promise<EffectRequest[]> {
  const contracts: { id: string; due: string }[] = await manager.query(
    'SELECT id, first_hire_due_on::text AS due FROM contract WHERE tender_id = $1 AND first_hire_due_on IS NOT NULL ORDER BY id',
    [entity.id],
  );
  return contracts.map((contract) => ({ job: 'check-first-hire', entityId: contract.id, at: new Date(`${contract.due}T00:00:00Z`) }));
}

/**
 * Phase 2 starts for every contract: a welcome to the supplier's HR contacts asking for
 * job descriptions (now), and the first-hire milestone (later).
 */
export async function handOverEffects(context: TransitionContext): Promise<EffectRequest[]> {
  const contracts: { id: string }[] = await context.manager.query('SELECT id FROM contract WHERE tender_id = $1 ORDER BY id', [context.entity.id]);
  return [...contracts.map((contract) => ({ job: 'send-supplier-welcome' as const, entityId: contract.id })), ...(await firstHireMilestones(context))];
}
