/** The headcount and hours part of a clause, which a split divides. */
export interface ClauseVolume {
  requiredHires: number;
  weeklyHoursPerHire: number | null;
  totalWeeklyHours: number | null;
}

/**
 * Divides a tender-level clause between the winners in proportion to the lots each won
 * (largest remainder, ties to the earlier winner), as in the reference case: 26 hires over
 * 8 lots won 4 and 4 are 13 hires each. Hours per hire stay; a total of hours is divided
 * the same way. A winner whose share rounds to no hire gets no clause (null).
 */
export function splitClause(volume: ClauseVolume, lotsWon: readonly number[]): (ClauseVolume | null)[] {
  const lots = lotsWon.reduce((sum, n) => sum + n, 0);
  if (lots <= 0 || lotsWon.some((n) => !Number.isInteger(n) || n < 0)) throw new RangeError('lotsWon must be whole numbers with a positive sum');
  const exact = lotsWon.map((n) => (volume.requiredHires * n) / lots);
  const hires = exact.map(Math.floor);
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let left = volume.requiredHires - hires.reduce((s, h) => s + h, 0), k = 0; left > 0; left--, k++) hires[order[k].i] += 1;

  return hires.map((requiredHires) => {
    if (requiredHires === 0) return null;
    const totalWeeklyHours =
      volume.totalWeeklyHours === null ? null : Math.round(((volume.totalWeeklyHours * requiredHires) / volume.requiredHires) * 100) / 100;
    return { requiredHires, weeklyHoursPerHire: volume.weeklyHoursPerHire, totalWeeklyHours };
  });
}
