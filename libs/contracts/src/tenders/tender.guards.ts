import { InvalidInputError } from '@klausul/domain';
import type { TransitionContext } from '@klausul/workflow';
import type { AwardCommand, DefineClauseCommand } from './tender.commands';

/** Input problems found against the database, reported together as one 400 naming every field. */
class FieldProblems {
  private readonly problems: { field: string; message: string }[] = [];

  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const errors = this.problems.map((p) => `${p.field} ${p.message}`);
    throw new InvalidInputError(errors.join('; '), { fields: this.problems.map((p) => p.field), errors });
  }
}

async function lotNumbers({ entity, manager }: TransitionContext): Promise<number[]> {
  const rows: { number: number }[] = await manager.query('SELECT number FROM tender_lot WHERE tender_id = $1 ORDER BY number', [entity.id]);
  return rows.map((r) => r.number);
}

const listed = (numbers: number[]) => numbers.join(', ');

/** 400: a clause names a lot the tender does not have, or mixes a whole-tender clause with lot clauses. */
export async function clausesNameKnownLots(context: TransitionContext): Promise<null> {
  const { clauses } = context.input as unknown as DefineClauseCommand;
  const lots = new Set(await lotNumbers(context));
  const problems = new FieldProblems();
  clauses.forEach((clause, i) => {
    if (clause.lotNumber !== null && !lots.has(clause.lotNumber)) problems.add(`clauses.${i}.lotNumber`, `names lot ${clause.lotNumber}, which the tender does not have`);
  });
  if (clauses.length > 1 && clauses.some((clause) => clause.lotNumber === null)) {
    problems.add('clauses', 'must be either one clause for the whole tender (no lotNumber) or one clause per lot');
  }
  problems.throwIfAny();
  return null;
}

/** Leaving the dialogue needs at least one meeting, or the caseworker's reason why none was held. */
export async function dialogueHeldOrExplained({ entity, input, manager }: TransitionContext): Promise<string | null> {
  const { noMeetingReason } = input as unknown as DefineClauseCommand;
  if (noMeetingReason || entity.no_meeting_reason) return null;
  const [{ meetings }] = await manager.query('SELECT count(*)::int AS meetings FROM dialogue_meeting WHERE tender_id = $1', [entity.id]);
  return meetings > 0 ? null : 'record at least one dialogue meeting with the bidders, or give noMeetingReason: why none was held';
}

/** A clause for the whole tender, or one for every lot. */
export async function clausesCoverTheLots(context: TransitionContext): Promise<string | null> {
  const { clauses } = context.input as unknown as DefineClauseCommand;
  if (clauses.length === 1 && clauses[0].lotNumber === null) return null;
  const covered = new Set(clauses.map((clause) => clause.lotNumber));
  const missing = (await lotNumbers(context)).filter((n) => !covered.has(n));
  return missing.length === 0 ? null : `every lot needs a clause (or give one clause for the whole tender): lot ${listed(missing)} has none`;
}

/** 400: the award names a lot the tender lacks or a supplier the municipality has not registered, or splits wrongly. */
export async function awardNamesKnownLotsAndSuppliers(context: TransitionContext): Promise<null> {
  const { entity, manager } = context;
  const award = context.input as unknown as AwardCommand;
  const lots = new Set(await lotNumbers(context));
  const supplierIds = [...new Set(award.lots.map((lot) => lot.supplierId))];
  const suppliers: { id: string }[] = await manager.query('SELECT id FROM supplier WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [
    entity.municipality_id,
    supplierIds,
  ]);
  const known = new Set(suppliers.map((s) => s.id));
  const problems = new FieldProblems();
  award.lots.forEach((lot, i) => {
    if (!lots.has(lot.lotNumber)) problems.add(`lots.${i}.lotNumber`, `names lot ${lot.lotNumber}, which the tender does not have`);
    if (!known.has(lot.supplierId)) problems.add(`lots.${i}.supplierId`, 'is not a registered supplier');
  });
  if (award.clauseSplit) {
    const [{ whole, per_hire: perHire }] = await manager.query(
      `SELECT count(*)::int AS whole, min(weekly_hours_per_hire) AS per_hire FROM clause_draft WHERE tender_id = $1 AND lot_id IS NULL`,
      [entity.id],
    );
    if (whole === 0) problems.add('clauseSplit', 'is only for a clause on the whole tender; this tender has a clause per lot');
    award.clauseSplit.forEach((share, i) => {
      if (!supplierIds.includes(share.supplierId)) problems.add(`clauseSplit.${i}.supplierId`, 'is not one of the winners');
      if (whole > 0 && perHire === null && share.weeklyHoursPerHire === null && share.totalWeeklyHours === null) {
        problems.add(`clauseSplit.${i}.totalWeeklyHours`, 'is required: the tender clause sets no hours per hire');
      }
    });
    const shared = new Set(award.clauseSplit.map((share) => share.supplierId));
    if (supplierIds.some((id) => !shared.has(id))) problems.add('clauseSplit', 'must give a share to every winner');
  }
  problems.throwIfAny();
  return null;
}

/** Every lot gets a winner. */
export async function everyLotAwarded(context: TransitionContext): Promise<string | null> {
  const award = context.input as unknown as AwardCommand;
  const awarded = new Set(award.lots.map((lot) => lot.lotNumber));
  const missing = (await lotNumbers(context)).filter((n) => !awarded.has(n));
  return missing.length === 0 ? null : `every lot must be awarded: lot ${listed(missing)} has no winner`;
}
