import { addWorkingDays, type LocalDate } from '@klausul/domain';
import { addPeriods, type Period, periodBounds, periodOf, workingDaysOf } from './review-period';

/** A monthly confirmation the supplier can give now (awaiting it, or overdue). */
export interface AwaitingConfirmation {
  reviewId: string;
  period: Period;
  dueOn: LocalDate;
  overdue: boolean;
  /** Open confirmations of the contract in all (this is the oldest). */
  count: number;
}

/** The next request the monthly run will send, when none is open. */
export interface UpcomingConfirmation {
  period: Period;
  /** The day the run sends the request (the municipality's working day of the next month). */
  requestOn: LocalDate;
  /** Its due date, counted as the run will count it. */
  dueOn: LocalDate;
}

export interface ContractConfirmation {
  contractId: string;
  awaiting: AwaitingConfirmation | null;
  upcoming: UpcomingConfirmation | null;
}

export interface UpcomingInput {
  today: LocalDate;
  /** The latest month reviewed for the contract, if any. */
  latestPeriod: Period | null;
  contractStart: LocalDate;
  contractEnd: LocalDate;
  /** The municipality's run day: the n-th Danish working day of the month. */
  runWorkingDay: number;
  deadlineWorkingDays: number;
}

/**
 * When the contract's next monthly request comes: the run on the municipality's working day
 * reviews the month just ended, so the next period is the one after the latest reviewed
 * (at the earliest last month), not before the contract starts; none once the contract
 * has ended before that month. A request already late shows today as its day.
 */
export function upcomingConfirmation(input: UpcomingInput): UpcomingConfirmation | null {
  const lastMonth = addPeriods(periodOf(input.today), -1);
  let period = input.latestPeriod && input.latestPeriod >= lastMonth ? addPeriods(input.latestPeriod, 1) : lastMonth;
  if (input.contractStart > periodBounds(period).last) period = periodOf(input.contractStart);
  if (input.contractEnd < periodBounds(period).first) return null;
  const scheduled = workingDaysOf(addPeriods(period, 1), input.runWorkingDay)[input.runWorkingDay - 1];
  const requestOn = scheduled < input.today ? input.today : scheduled;
  return { period, requestOn, dueOn: addWorkingDays(requestOn, input.deadlineWorkingDays) };
}
