import { addMonths, type CalendarDate, compareDates } from '@klausul/domain';

export { type ClauseDeadlines, clauseStatus, type ComplianceStatus, worstStatus } from '@klausul/domain';

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
