import { monthAfter } from './journeys';
import type { ReferenceCase } from './reference-case.seed';

export { hireReferenceCase, runMonthlyReviews } from './matching.steps';
export { seedReferenceCase, type ReferenceCase } from './reference-case.seed';

/** The month `offset` months after the reference contract's start (YYYY-MM): one that has ended, for a review run. */
export function monthAfterStart(rc: ReferenceCase, offset: number): string {
  return monthAfter(rc.contract.startDate, offset);
}
