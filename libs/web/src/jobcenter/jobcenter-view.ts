import { copenhagenDateOf, workingDaysBetween } from '@klausul/domain';
import { type CandidateView, type JobOrderView, OPEN_FOR_CANDIDATES } from '@klausul/matching';
import type { Translate } from '../i18n/i18n';

/** How the jobcenter's deadline for candidates stands today, in working days (weekends and Danish holidays skipped). */
export type DeadlineStatus =
  | { kind: 'none' }
  | { kind: 'left'; days: number }
  | { kind: 'today' }
  | { kind: 'passed'; days: number };

export function deadlineStatus(dueOn: string | null, now: Date): DeadlineStatus {
  if (!dueOn) return { kind: 'none' };
  const today = copenhagenDateOf(now);
  if (dueOn === today) return { kind: 'today' };
  const days = workingDaysBetween(today, dueOn);
  return dueOn > today ? { kind: 'left', days } : { kind: 'passed', days: -days };
}

export function deadlineText(status: DeadlineStatus, t: Translate): string {
  switch (status.kind) {
    case 'none':
      return t('jobcenter.deadline.none');
    case 'today':
      return t('jobcenter.deadline.today');
    case 'left':
      return t('jobcenter.deadline.daysLeft', { count: status.days });
    case 'passed':
      return t('jobcenter.deadline.passed', { count: status.days });
  }
}

/** Whether the jobcenter may propose candidates to the job order now (the candidate service's own rule). */
export const openForCandidates = (order: Pick<JobOrderView, 'state'>): boolean => OPEN_FOR_CANDIDATES.includes(order.state);

/** A job order as the jobcenter's pages show it: its own fields, plus the texts of its state, shifts and deadline. */
export function jobOrderModel(order: JobOrderView, now: Date, t: Translate) {
  const open = openForCandidates(order);
  // A closed job order has no running deadline: the count of days would only confuse.
  const deadline: DeadlineStatus = open ? deadlineStatus(order.candidatesDueOn, now) : { kind: 'none' };
  return {
    ...order,
    open,
    stateText: t(`jobcenter.jobOrderStates.${order.state}`),
    shiftText: t(`jobcenter.shifts.${order.shiftPattern}`),
    deadline,
    deadlineText: deadlineText(deadline, t),
    deadlineOverdue: deadline.kind === 'passed',
  };
}

export function candidateModel(candidate: CandidateView, t: Translate) {
  return {
    ...candidate,
    stateText: t(`jobcenter.candidateStates.${candidate.state}`),
    shiftTexts: candidate.preferredShifts.map((shift) => t(`jobcenter.shifts.${shift}`)),
  };
}

/** The path of the next page of a list, or null on the last page. */
export function nextPagePath(path: string, nextCursor: string | null): string | null {
  return nextCursor ? `${path}?cursor=${encodeURIComponent(nextCursor)}` : null;
}
