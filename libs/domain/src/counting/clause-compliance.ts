import { type ClauseFulfilment, type ClauseTarget, clauseFulfilment } from '../clause-fulfilment';
import type { CalendarDate } from './calendar-date';
import { countPlacements, type CountingRules, type PlacementCount, type PlacementRecord } from './placement-counting';

export interface ClauseCompliance extends ClauseFulfilment, PlacementCount {
  at: CalendarDate;
}

/** How far a clause is met on date `at`, by its counting rules, with the reason for every placement left out. */
export function clauseCompliance(
  target: ClauseTarget,
  placements: readonly PlacementRecord[],
  at: CalendarDate,
  rules: CountingRules,
): ClauseCompliance {
  const count = countPlacements(placements, at, rules);
  return { at, ...clauseFulfilment(target, count.counted), ...count };
}
