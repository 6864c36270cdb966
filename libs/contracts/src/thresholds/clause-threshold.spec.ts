import { isClauseRequired } from './clause-threshold';

describe('isClauseRequired', () => {
  const statutory = { minDurationMonths: 6, minValueDkk: 5_000_000 };

  it('requires a clause at or above both thresholds', () => {
    expect(isClauseRequired({ durationMonths: 6, estimatedValueDkk: 5_000_000 }, statutory)).toBe(true);
    expect(isClauseRequired({ durationMonths: 48, estimatedValueDkk: 40_000_000 }, statutory)).toBe(true);
  });

  it('does not when either is below', () => {
    expect(isClauseRequired({ durationMonths: 5, estimatedValueDkk: 40_000_000 }, statutory)).toBe(false);
    expect(isClauseRequired({ durationMonths: 48, estimatedValueDkk: 4_999_999.99 }, statutory)).toBe(false);
  });

  it("follows a municipality's own, lower thresholds", () => {
    expect(isClauseRequired({ durationMonths: 12, estimatedValueDkk: 4_000_000 }, { minDurationMonths: 6, minValueDkk: 4_000_000 })).toBe(true);
  });
});
