import { addMonths, type CalendarDate, compareDates, daysBetween } from './calendar-date';

/** A hire under a clause, as counting sees it (no personal data). */
export interface PlacementRecord {
  id: string;
  startDate: CalendarDate;
  /** The last day of employment; null while it goes on. */
  endDate: CalendarDate | null;
  agreedWeeklyHours: number;
  /** The agreed length of the employment; null when it is open-ended. */
  agreedMonths: number | null;
  /** Set when the hire was made through a partner (RSV or subcontractor) of the contract. */
  partnerId: string | null;
  /** Set when this hire fills the position an earlier, ended placement held. */
  replacesPlacementId: string | null;
}

/** The counting rules of one clause. */
export interface CountingRules {
  /** Share of its agreed period (0..1) an early-ended placement must have served to count; 0.75 by default. */
  earlyEndShare: number;
  /** Whether hires made through the contract's partners count toward the clause. */
  partnerPlacementsCount: boolean;
  /** Where the agreed period of an open-ended placement ends: the contract's end date. */
  openEndedUntil: CalendarDate;
}

export type CountBasis = 'active' | 'served_share';
export type NotCountedReason = 'not_started' | 'ended_too_early' | 'partner_not_counted' | 'position_already_counted';

export interface CountedPlacement {
  placementId: string;
  weeklyHours: number;
  basis: CountBasis;
  /** The first placement of the chain of replacements this one belongs to. */
  positionId: string;
}

export interface NotCountedPlacement {
  placementId: string;
  reason: NotCountedReason;
}

export interface PlacementCount {
  counted: CountedPlacement[];
  notCounted: NotCountedPlacement[];
}

/** How much of its agreed period a placement served by its end date (or by `at`), as a share (may exceed 1). */
export function servedShare(placement: PlacementRecord, until: CalendarDate, openEndedUntil: CalendarDate): number {
  const agreedEnd = placement.agreedMonths !== null ? addMonths(placement.startDate, placement.agreedMonths) : openEndedUntil;
  const agreedDays = daysBetween(placement.startDate, agreedEnd);
  if (agreedDays <= 0) return 1;
  // The end date is the last day worked, so it counts as served.
  return (daysBetween(placement.startDate, until) + 1) / agreedDays;
}

/** The first placement of a chain of replacements; an unknown predecessor ends the chain, a cycle is named by its lowest id. */
function positionOf(placement: PlacementRecord, byId: ReadonlyMap<string, PlacementRecord>): string {
  const path: string[] = [];
  let current = placement;
  for (;;) {
    path.push(current.id);
    const previous = current.replacesPlacementId ? byId.get(current.replacesPlacementId) : undefined;
    if (!previous) return current.id;
    const loopsAt = path.indexOf(previous.id);
    if (loopsAt >= 0) return path.slice(loopsAt).sort()[0];
    current = previous;
  }
}

/** Prefer the placement that holds the position now, then the latest one. */
function better(a: CountedPlacement & { startDate: CalendarDate }, b: CountedPlacement & { startDate: CalendarDate }): boolean {
  if (a.basis !== b.basis) return a.basis === 'active';
  const byStart = compareDates(a.startDate, b.startDate);
  return byStart !== 0 ? byStart > 0 : a.placementId > b.placementId;
}

/**
 * Which placements count toward a clause on date `at`:
 * - a placement that has started and not ended by `at` counts (`active`);
 * - one that ended early counts once it served `earlyEndShare` of its agreed period (`served_share`);
 * - partner placements count unless the clause says otherwise;
 * - a position counts once, however many replacements filled it.
 */
export function countPlacements(placements: readonly PlacementRecord[], at: CalendarDate, rules: CountingRules): PlacementCount {
  if (!(rules.earlyEndShare >= 0 && rules.earlyEndShare <= 1)) throw new RangeError('earlyEndShare must be between 0 and 1');
  const byId = new Map(placements.map((p) => [p.id, p]));
  const notCounted: NotCountedPlacement[] = [];
  const bestOfPosition = new Map<string, CountedPlacement & { startDate: CalendarDate }>();

  for (const placement of placements) {
    const reject = (reason: NotCountedReason) => notCounted.push({ placementId: placement.id, reason });
    if (compareDates(placement.startDate, at) > 0) {
      reject('not_started');
      continue;
    }
    if (placement.partnerId && !rules.partnerPlacementsCount) {
      reject('partner_not_counted');
      continue;
    }
    const endedBefore = placement.endDate !== null && compareDates(placement.endDate, at) < 0;
    if (endedBefore && servedShare(placement, placement.endDate!, rules.openEndedUntil) < rules.earlyEndShare) {
      reject('ended_too_early');
      continue;
    }
    const candidate = {
      placementId: placement.id,
      weeklyHours: placement.agreedWeeklyHours,
      basis: (endedBefore ? 'served_share' : 'active') as CountBasis,
      positionId: positionOf(placement, byId),
      startDate: placement.startDate,
    };
    const holder = bestOfPosition.get(candidate.positionId);
    if (!holder) {
      bestOfPosition.set(candidate.positionId, candidate);
    } else if (better(candidate, holder)) {
      notCounted.push({ placementId: holder.placementId, reason: 'position_already_counted' });
      bestOfPosition.set(candidate.positionId, candidate);
    } else {
      reject('position_already_counted');
    }
  }
  const counted = [...bestOfPosition.values()].map(({ startDate: _startDate, ...rest }) => rest);
  return { counted, notCounted };
}
