import { InvalidInputError, type LocalDate, plusDays } from '@klausul/domain';

/** One placement's answer in the monthly confirmation (the DTO's shape, without Nest). */
export interface PlacementAnswer {
  placementId: string;
  stillEmployed: boolean;
  weeklyHours?: number;
  endDate?: string;
  endReason?: string;
  note?: string;
}

/** What is recorded for a placement of the review, and the placement as it stands. */
export interface PlacementCheckState {
  placementId: string;
  startDate: LocalDate;
  placementState: string;
  /** The hours in effect at the period's end before the supplier answered (the form's pre-fill). */
  previousWeeklyHours: number;
  /** The hours in effect at the period's end now. */
  currentWeeklyHours: number;
  /** The recorded answer; null until the supplier has answered. */
  answer: RecordedAnswer | null;
}

export interface RecordedAnswer {
  stillEmployed: boolean;
  weeklyHours: number | null;
  endDate: string | null;
  endReason: string | null;
  note: string | null;
}

/** What an answer does to its placement, through the placement workflow. */
export type PlacementEffect =
  | { kind: 'none' }
  | { kind: 'change_hours'; weeklyHours: number; effectiveFrom: LocalDate }
  | { kind: 'end'; endDate: string; reason: string };

/** The answer field a refusal is about and why, in its details, so a form can point at the field (the message stays the API's). */
export type AnswerProblem = 'required' | 'not_ended' | 'before_start' | 'in_future';

function refusal(message: string, placementId: string, field: keyof PlacementAnswer, problem: AnswerProblem, extra: Record<string, unknown> = {}): InvalidInputError {
  return new InvalidInputError(message, { placementId, field, problem, ...extra });
}

/** Every placement answered once, and each answer consistent; otherwise a 400 and nothing written. */
export function validateAnswers(answers: readonly PlacementAnswer[], checks: ReadonlyMap<string, PlacementCheckState>, today: LocalDate): void {
  const seen = new Set<string>();
  for (const a of answers) {
    const check = checks.get(a.placementId);
    if (!check) throw new InvalidInputError(`placement ${a.placementId} is not part of this review`, { placementId: a.placementId });
    if (seen.has(a.placementId)) throw new InvalidInputError(`placement ${a.placementId} is answered twice`, { placementId: a.placementId });
    seen.add(a.placementId);
    if (a.stillEmployed) {
      if (a.weeklyHours === undefined) throw refusal(`weeklyHours is required for placement ${a.placementId} when still employed`, a.placementId, 'weeklyHours', 'required');
      if (a.endDate || a.endReason) throw refusal(`placement ${a.placementId} is still employed, so it has no end date`, a.placementId, a.endDate ? 'endDate' : 'endReason', 'not_ended');
    } else {
      if (!a.endDate || !a.endReason) {
        throw refusal(`endDate and endReason are required for placement ${a.placementId} when it ended`, a.placementId, a.endDate ? 'endReason' : 'endDate', 'required');
      }
      if (a.endDate < check.startDate) {
        throw refusal(`the end date of placement ${a.placementId} is before its start (${check.startDate})`, a.placementId, 'endDate', 'before_start', { startDate: check.startDate });
      }
      if (a.endDate > today) throw refusal(`the end date of placement ${a.placementId} is in the future`, a.placementId, 'endDate', 'in_future', { today });
    }
  }
  const missing = [...checks.keys()].filter((id) => !seen.has(id));
  if (missing.length) throw new InvalidInputError(`every placement of the review needs an answer; missing: ${missing.join(', ')}`, { missing });
}

/**
 * The date an hours change reported for the period takes effect: the period's first day; for
 * a placement that began in the period, the day after its start, since the hired hours are
 * the history's entry on the start date and a change adds an entry, never rewrites one.
 */
export function effectiveFromOf(check: Pick<PlacementCheckState, 'startDate'>, periodStart: LocalDate): LocalDate {
  return check.startDate >= periodStart ? plusDays(check.startDate, 1) : periodStart;
}

/** The first confirmation: an active placement that ended ends, one whose hours differ from those in effect changes them. */
export function effectOfAnswer(a: PlacementAnswer, check: PlacementCheckState, periodStart: LocalDate): PlacementEffect {
  if (check.placementState !== 'active') return { kind: 'none' };
  if (!a.stillEmployed) return { kind: 'end', endDate: a.endDate!, reason: a.endReason! };
  if (check.currentWeeklyHours !== a.weeklyHours) return { kind: 'change_hours', weeklyHours: a.weeklyHours!, effectiveFrom: effectiveFromOf(check, periodStart) };
  return { kind: 'none' };
}

/** The answer as recorded, for comparing and for the history row. */
export function recordedOf(a: PlacementAnswer): RecordedAnswer {
  return { stillEmployed: a.stillEmployed, weeklyHours: a.weeklyHours ?? null, endDate: a.endDate ?? null, endReason: a.endReason ?? null, note: a.note ?? null };
}

export function sameAnswer(x: RecordedAnswer, y: RecordedAnswer): boolean {
  return x.stillEmployed === y.stillEmployed && x.weeklyHours === y.weeklyHours && x.endDate === y.endDate && x.endReason === y.endReason && x.note === y.note;
}

/**
 * A correction: what the new answer does to the placement, given what the first answer
 * already did. What can be done through the placement workflow is done (hours not yet
 * changed by this review, an end not yet recorded); what would undo a recorded change (an
 * end, or hours this review already changed for the same date) is refused with a 422-worthy
 * reason, and nothing of the correction is written.
 */
export function effectOfCorrection(
  before: RecordedAnswer,
  after: PlacementAnswer,
  check: PlacementCheckState,
  periodStart: LocalDate,
): PlacementEffect | { kind: 'refused'; reason: string } {
  const id = check.placementId;
  if (!before.stillEmployed) {
    const sameEnd = !after.stillEmployed && after.endDate === before.endDate && after.endReason === before.endReason;
    if (sameEnd) return { kind: 'none' };
    return { kind: 'refused', reason: `placement ${id} was recorded as ended on ${before.endDate}; a recorded end cannot be changed through the monthly confirmation (contact the municipality)` };
  }
  if (check.placementState !== 'active') {
    const same = after.stillEmployed && after.weeklyHours === before.weeklyHours;
    return same ? { kind: 'none' } : { kind: 'refused', reason: `placement ${id} has ended since the confirmation; contact the municipality to correct it` };
  }
  if (!after.stillEmployed) return { kind: 'end', endDate: after.endDate!, reason: after.endReason! };
  if (after.weeklyHours === before.weeklyHours) return { kind: 'none' };
  const effectiveFrom = effectiveFromOf(check, periodStart);
  if (before.weeklyHours !== check.previousWeeklyHours) {
    return {
      kind: 'refused',
      reason: `the hours of placement ${id} were recorded as ${before.weeklyHours} from ${effectiveFrom} by this confirmation; a recorded change of hours cannot be changed again for the same date (contact the municipality)`,
    };
  }
  return { kind: 'change_hours', weeklyHours: after.weeklyHours!, effectiveFrom };
}
