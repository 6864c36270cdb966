import { addMonths, compareDates } from '@klausul/domain';
import type { TransitionContext } from '@klausul/workflow';
import { termsOf } from '../clauses/clause.dto';
import { type ClauseVolume, splitClause } from '../clauses/clause-split';
import type { AwardCommand } from './tender.commands';

interface Winner {
  supplierId: string;
  lotNumbers: number[];
}

interface ContractClause {
  lotId: string | null;
  volume: ClauseVolume;
  draft: Record<string, any>;
}

/** The lots each supplier won, in the order the award names them: one contract per winner. */
function winnersOf(award: AwardCommand): Winner[] {
  const bySupplier = new Map<string, number[]>();
  for (const lot of award.lots) bySupplier.set(lot.supplierId, [...(bySupplier.get(lot.supplierId) ?? []), lot.lotNumber]);
  return [...bySupplier].map(([supplierId, lotNumbers]) => ({ supplierId, lotNumbers: lotNumbers.sort((a, b) => a - b) }));
}

/** The clauses each winner's contract gets: its share of a whole-tender clause, or the clauses of its lots. */
function clausesPerWinner(award: AwardCommand, winners: Winner[], drafts: Record<string, any>[]): ContractClause[][] {
  const whole = drafts.find((d) => d.lot_id === null);
  if (!whole) {
    return winners.map((w) =>
      drafts.filter((d) => w.lotNumbers.includes(d.lot_number)).map((draft) => ({ lotId: draft.lot_id, volume: termsOf(draft), draft })),
    );
  }
  const terms = termsOf(whole);
  const shares: (ClauseVolume | null)[] = award.clauseSplit
    ? winners.map((w) => {
        const share = award.clauseSplit!.find((s) => s.supplierId === w.supplierId)!;
        const perHire = share.weeklyHoursPerHire ?? (share.totalWeeklyHours === null ? terms.weeklyHoursPerHire : null);
        return { requiredHires: share.requiredHires, weeklyHoursPerHire: perHire, totalWeeklyHours: share.totalWeeklyHours };
      })
    : splitClause(terms, winners.map((w) => w.lotNumbers.length));
  return shares.map((volume) => (volume ? [{ lotId: null, volume, draft: whole }] : []));
}

/** award: a contract per winner with its lots and the clauses that bind it. */
export async function createContracts({ entity, input, manager, now }: TransitionContext): Promise<void> {
  const award = input as unknown as AwardCommand;
  const drafts: Record<string, any>[] = await manager.query(
    `SELECT d.*, l.number AS lot_number FROM clause_draft d LEFT JOIN tender_lot l ON l.id = d.lot_id WHERE d.tender_id = $1`,
    [entity.id],
  );
  const winners = winnersOf(award);
  const clauses = clausesPerWinner(award, winners, drafts);

  for (const [i, winner] of winners.entries()) {
    const deadlines = clauses[i].map(({ draft }) => ({
      firstHire: addMonths(award.startDate, draft.first_hire_within_months),
      full: addMonths(award.startDate, draft.full_fulfilment_within_months),
    }));
    const firstHireDue = deadlines.map((d) => d.firstHire).sort(compareDates)[0] ?? null;
    const [contract] = await manager.query(
      `INSERT INTO contract (municipality_id, tender_id, supplier_id, start_date, end_date, first_hire_due_on, phase, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'awarded', $7, $7) RETURNING id`,
      [entity.municipality_id, entity.id, winner.supplierId, award.startDate, award.endDate, firstHireDue, now],
    );
    await manager.query(
      `INSERT INTO contract_lot (contract_id, lot_id, municipality_id)
       SELECT $1, id, $2 FROM tender_lot WHERE tender_id = $3 AND number = ANY($4::int[])`,
      [contract.id, entity.municipality_id, entity.id, winner.lotNumbers],
    );
    for (const [k, { lotId, volume, draft }] of clauses[i].entries()) {
      const terms = termsOf(draft);
      await manager.query(
        `INSERT INTO employment_clause (municipality_id, contract_id, lot_id, required_hires, weekly_hours_per_hire, total_weekly_hours,
                                        target_groups, employment_forms, requires_rsv_cooperation, early_end_share, partner_placements_count,
                                        first_hire_deadline, full_fulfilment_deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          entity.municipality_id,
          contract.id,
          lotId,
          volume.requiredHires,
          volume.weeklyHoursPerHire,
          volume.totalWeeklyHours,
          terms.targetGroups,
          terms.employmentForms,
          terms.requiresRsvCooperation,
          terms.earlyEndShare,
          terms.partnerPlacementsCount,
          deadlines[k].firstHire,
          deadlines[k].full,
        ],
      );
    }
  }
}
