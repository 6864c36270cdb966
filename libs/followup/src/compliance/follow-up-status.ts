import { addMonths, type CalendarDate, type ClauseCompliance, compareDates } from '@klausul/domain';

export type ComplianceStatus = 'on_track' | 'at_risk' | 'breached';

export interface ClauseDeadlines {
  firstHireDeadline: CalendarDate;
  fullFulfilmentDeadline: CalendarDate;
}

/**
 * A clause on date `at`: on_track when met; breached when not met on or after its
 * full-fulfilment deadline, or with no counted hire on or after its first-hire deadline;
 * at_risk when not met before those deadlines.
 */
export function clauseStatus(result: Pick<ClauseCompliance, 'met' | 'hires'>, deadlines: ClauseDeadlines, at: CalendarDate): ComplianceStatus {
  if (result.met) return 'on_track';
  if (compareDates(at, deadlines.fullFulfilmentDeadline) >= 0) return 'breached';
  if (result.hires.actual === 0 && compareDates(at, deadlines.firstHireDeadline) >= 0) return 'breached';
  return 'at_risk';
}

/** The worst status of several clauses. */
export function worstStatus(statuses: readonly ComplianceStatus[]): ComplianceStatus {
  if (statuses.includes('breached')) return 'breached';
  return statuses.includes('at_risk') ? 'at_risk' : 'on_track';
}

export interface RetentionInput {
  startDate: CalendarDate;
  endDate: CalendarDate | null;
}

export interface RetentionPoint {
  months: number;
  /** Placements whose checkpoint (start + months) has been reached by `today`. */
  eligible: number;
  /** Of those, employed continuously by the same employer through the checkpoint (no end date before it). */
  retained: number;
  rate: number | null;
}

/** Retention at the usual checkpoints: a placement is retained at N months when it had not ended before start + N months. */
export function retention(placements: readonly RetentionInput[], today: CalendarDate, checkpoints: readonly number[] = [3, 6, 12]): RetentionPoint[] {
  return checkpoints.map((months) => {
    const eligible = placements.filter((p) => compareDates(addMonths(p.startDate, months), today) <= 0);
    const retained = eligible.filter((p) => p.endDate === null || compareDates(p.endDate, addMonths(p.startDate, months)) >= 0);
    return { months, eligible: eligible.length, retained: retained.length, rate: eligible.length ? retained.length / eligible.length : null };
  });
}
