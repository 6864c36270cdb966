import type { ClauseDraftCommand } from '../clauses/clause.dto';
import type { Willingness } from '../clauses/clause-vocabulary';

/**
 * The input of each tender event as the workflow receives it (and the history records
 * it): the request with every default resolved, and no personal data.
 */
export interface ScreeningCommand {
  suitableTasks: string[];
  splitShifts: boolean;
  coreTasks: string[];
  ancillaryTasks: string[];
  upskillingOptions: string[];
  estimatedHires: number;
  notes: string;
}

/** Participants and notes stay out of the history: the service writes them to the meeting row. */
export interface MeetingSummary {
  meetingId: string;
  heldOn: string;
  supplierId: string | null;
  willingness: Willingness;
}

export interface DefineClauseCommand {
  clauses: ClauseDraftCommand[];
  noMeetingReason: string | null;
}

export interface ClauseShare {
  supplierId: string;
  requiredHires: number;
  weeklyHoursPerHire: number | null;
  totalWeeklyHours: number | null;
}

export interface AwardCommand {
  startDate: string;
  endDate: string;
  lots: { lotNumber: number; supplierId: string }[];
  clauseSplit: ClauseShare[] | null;
}

export interface ReasonCommand {
  reason: string;
}
