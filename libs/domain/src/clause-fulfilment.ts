/**
 * How far the hires under one employment clause meet its target. Pure arithmetic:
 * the reference case (13 hires x 10 h/week required, 16 hires and 186 h/week made)
 * must read 16/13 hires and 186/130 hours.
 */
export interface ClauseTarget {
  /** Required number of hires (headcount). */
  hires: number;
  /** Weekly hours each hire must at least have; the hours target is hires x this, unless totalWeeklyHours is set. */
  weeklyHoursPerHire?: number;
  /** Required weekly hours across all hires, when the clause states it directly. */
  totalWeeklyHours?: number;
}

export interface CountedHire {
  weeklyHours: number;
}

export interface Progress {
  actual: number;
  required: number;
  /** actual / required, 1 when nothing is required. */
  ratio: number;
  met: boolean;
}

export interface ClauseFulfilment {
  hires: Progress;
  weeklyHours: Progress | null;
  met: boolean;
}

function progress(actual: number, required: number): Progress {
  return { actual, required, ratio: required > 0 ? actual / required : 1, met: actual >= required };
}

export function requiredWeeklyHours(target: ClauseTarget): number | null {
  if (target.totalWeeklyHours !== undefined) return target.totalWeeklyHours;
  if (target.weeklyHoursPerHire !== undefined) return target.hires * target.weeklyHoursPerHire;
  return null;
}

export function clauseFulfilment(target: ClauseTarget, hires: readonly CountedHire[]): ClauseFulfilment {
  if (!Number.isInteger(target.hires) || target.hires < 0) throw new RangeError('hires must be a whole number >= 0');
  for (const hire of hires) {
    if (!(hire.weeklyHours > 0 && hire.weeklyHours <= 168)) throw new RangeError('weekly hours must be > 0 and <= 168');
  }
  const hoursRequired = requiredWeeklyHours(target);
  const hoursActual = hires.reduce((sum, hire) => sum + hire.weeklyHours, 0);
  const hireProgress = progress(hires.length, target.hires);
  const hourProgress = hoursRequired === null ? null : progress(hoursActual, hoursRequired);
  return { hires: hireProgress, weeklyHours: hourProgress, met: hireProgress.met && (hourProgress?.met ?? true) };
}
