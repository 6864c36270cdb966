/** When a tender must get an employment clause: a municipality's policy (Procurement Act § 176(2): >= 6 months and >= DKK 5m). */
export interface ClauseThreshold {
  minDurationMonths: number;
  minValueDkk: number;
}

/** A tender at or above both the duration and the value threshold requires a clause. */
export function isClauseRequired(tender: { durationMonths: number; estimatedValueDkk: number }, threshold: ClauseThreshold): boolean {
  return tender.durationMonths >= threshold.minDurationMonths && tender.estimatedValueDkk >= threshold.minValueDkk;
}
