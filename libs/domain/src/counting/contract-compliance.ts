import type { ClauseTarget } from '../clause-fulfilment';
import { type CalendarDate, compareDates } from './calendar-date';
import { type ClauseCompliance, clauseCompliance } from './clause-compliance';
import type { PlacementRecord } from './placement-counting';

export const COMPLIANCE_STATUSES = ['on_track', 'at_risk', 'breached'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

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

/** A clause as the contract's compliance needs it. */
export interface ContractClause extends ClauseDeadlines {
  id: string;
  target: ClauseTarget;
  earlyEndShare: number;
  partnerPlacementsCount: boolean;
}

/** A placement with the clause it counts toward and its weekly hours from each date on. */
export interface ContractPlacement extends PlacementRecord {
  clauseId: string;
  hours: { from: CalendarDate; weeklyHours: number }[];
}

export interface ContractCompliance {
  at: CalendarDate;
  hires: { actual: number; required: number };
  weeklyHours: { actual: number; required: number } | null;
  status: ComplianceStatus;
}

/** The weekly hours in effect on a date: the latest recorded change by then, else the agreed hours. */
export function hoursAt(placement: Pick<ContractPlacement, 'agreedWeeklyHours' | 'hours'>, at: CalendarDate): number {
  let inEffect = placement.agreedWeeklyHours;
  for (const change of placement.hours) if (compareDates(change.from, at) <= 0) inEffect = change.weeklyHours;
  return inEffect;
}

/**
 * A contract's figures on date `at`: its clauses' counted hires and weekly hours added up,
 * and the worst of their statuses. The one definition the contract list, the follow-up
 * series and the yearly dashboard all read.
 */
export function contractCompliance(
  contract: { endDate: CalendarDate },
  clauses: readonly ContractClause[],
  placements: readonly ContractPlacement[],
  at: CalendarDate,
): ContractCompliance {
  const byClause = new Map<string, PlacementRecord[]>();
  for (const p of placements) {
    const list = byClause.get(p.clauseId) ?? [];
    list.push({ ...p, agreedWeeklyHours: hoursAt(p, at) });
    byClause.set(p.clauseId, list);
  }
  const results = clauses.map((clause) => {
    const result = clauseCompliance(clause.target, byClause.get(clause.id) ?? [], at, {
      earlyEndShare: clause.earlyEndShare,
      partnerPlacementsCount: clause.partnerPlacementsCount,
      openEndedUntil: contract.endDate,
    });
    return { result, status: clauseStatus(result, clause, at) };
  });
  const hours = results.map((r) => r.result.weeklyHours).filter((h) => h !== null);
  return {
    at,
    hires: { actual: results.reduce((s, r) => s + r.result.hires.actual, 0), required: results.reduce((s, r) => s + r.result.hires.required, 0) },
    weeklyHours: hours.length ? { actual: hours.reduce((s, h) => s + h.actual, 0), required: hours.reduce((s, h) => s + h.required, 0) } : null,
    status: worstStatus(results.map((r) => r.status)),
  };
}

/**
 * The day a year's figures are counted on: its last day, or today while the year runs (or
 * has not begun). "Hires under clauses in a year" are the placements that count toward a
 * clause, by the clause's counting rules, on that day; the targets and the dashboard both
 * read this one definition.
 */
export function yearCountingDate(year: number, today: CalendarDate): CalendarDate {
  const yearEnd = `${year}-12-31`;
  return compareDates(today, yearEnd) < 0 ? today : yearEnd;
}
