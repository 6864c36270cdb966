import { InvalidInputError } from '@klausul/domain';
import type { TransitionContext } from '@klausul/workflow';

/**
 * A hire becomes a placement on the job order's contract: on the clause the supplier
 * names (or the contract's only clause), optionally through a partner registered on the
 * contract, whose hires count toward the clause they serve. A hire that replaces someone
 * names a placement of the same contract that has ended.
 */
export async function createPlacementForHire({ manager, entity, input, now }: TransitionContext): Promise<void> {
  const [order] = await manager.query('SELECT id, contract_id FROM job_order WHERE id = $1', [entity.job_order_id]);
  const clauses: { id: string }[] = await manager.query('SELECT id FROM employment_clause WHERE contract_id = $1 ORDER BY created_at', [
    order.contract_id,
  ]);
  const clauseId = (input.clauseId as string | undefined) ?? (clauses.length === 1 ? clauses[0].id : undefined);
  if (!clauseId) throw new InvalidInputError('clauseId is required: the contract has more than one employment clause', { clauses: clauses.map((c) => c.id) });
  if (!clauses.some((c) => c.id === clauseId)) throw new InvalidInputError('clauseId is not a clause of this contract', { clauseId });
  if (input.partnerId) {
    const [partner] = await manager.query('SELECT id FROM contract_partner WHERE id = $1 AND contract_id = $2', [input.partnerId, order.contract_id]);
    if (!partner) throw new InvalidInputError('partnerId is not a partner registered on this contract', { partnerId: input.partnerId });
  }
  if (input.replacesPlacementId) await assertReplaceable(manager, String(input.replacesPlacementId), order.contract_id);
  const [placement] = await manager.query(
    `INSERT INTO placement (municipality_id, contract_id, clause_id, partner_id, replaces_placement_id, target_group, employment_form,
                            start_date, agreed_weekly_hours, agreed_months, state, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active', $11) RETURNING id`,
    [
      entity.municipality_id,
      order.contract_id,
      clauseId,
      input.partnerId ?? null,
      input.replacesPlacementId ?? null,
      entity.target_group,
      input.employmentForm,
      input.startDate,
      input.weeklyHours,
      input.agreedMonths ?? null,
      now,
    ],
  );
  await manager.query('UPDATE candidate SET placement_id = $2 WHERE id = $1 AND version = $3', [entity.id, placement.id, entity.version]);
}

/**
 * The placement a hire replaces: one of the same contract (which also keeps it in the
 * municipality), and ended (a final state), so one position is never held twice.
 */
async function assertReplaceable(manager: TransitionContext['manager'], placementId: string, contractId: string): Promise<void> {
  const [replaced] = await manager.query('SELECT id, state FROM placement WHERE id = $1 AND contract_id = $2', [placementId, contractId]);
  if (!replaced) throw new InvalidInputError('replacesPlacementId is not a placement of this contract', { replacesPlacementId: placementId });
  if (replaced.state !== 'ended') {
    throw new InvalidInputError(`replacesPlacementId must name a placement that has ended; placement ${placementId} is ${replaced.state}`, {
      replacesPlacementId: placementId,
    });
  }
}
