import { clauseCompliance } from './clause-compliance';
import { countPlacements, type CountingRules, type PlacementRecord, servedShare } from './placement-counting';

const rules: CountingRules = { earlyEndShare: 0.75, partnerPlacementsCount: true, openEndedUntil: '2028-12-31' };

function placement(id: string, fields: Partial<PlacementRecord> = {}): PlacementRecord {
  return {
    id,
    startDate: '2025-01-01',
    endDate: null,
    agreedWeeklyHours: 10,
    agreedMonths: null,
    partnerId: null,
    replacesPlacementId: null,
    ...fields,
  };
}

const ids = (list: { placementId: string }[]) => list.map((p) => p.placementId).sort();

describe('countPlacements', () => {
  it('counts placements that have started and not ended by the date', () => {
    const result = countPlacements(
      [placement('a'), placement('b', { startDate: '2025-06-01' }), placement('c', { endDate: '2025-03-01', agreedMonths: 2 })],
      '2025-03-01',
      rules,
    );
    expect(ids(result.counted)).toEqual(['a', 'c']);
    expect(result.counted.find((c) => c.placementId === 'c')?.basis).toBe('active'); // its last day is the date itself
    expect(result.notCounted).toEqual([{ placementId: 'b', reason: 'not_started' }]);
  });

  describe('the 75% rule for placements that ended early', () => {
    // 12 agreed months from 2025-01-01 are 365 days; 75% is 273.75 days.
    const agreed = { agreedMonths: 12 };

    it('does not count one that served just under 75% of its agreed period', () => {
      const p = placement('enough', { ...agreed, endDate: '2025-10-01' }); // 274 days served
      const under = placement('under', { ...agreed, endDate: '2025-09-30' }); // 273 days served
      expect(servedShare(under, under.endDate!, rules.openEndedUntil)).toBeLessThan(0.75);
      expect(servedShare(p, p.endDate!, rules.openEndedUntil)).toBeGreaterThanOrEqual(0.75);
      const result = countPlacements([under], '2026-01-01', rules);
      expect(result.counted).toEqual([]);
      expect(result.notCounted).toEqual([{ placementId: 'under', reason: 'ended_too_early' }]);
    });

    it('counts one that served at least 75%, with its agreed weekly hours', () => {
      const result = countPlacements([placement('enough', { ...agreed, endDate: '2025-10-01', agreedWeeklyHours: 12 })], '2026-01-01', rules);
      expect(result.counted).toEqual([{ placementId: 'enough', weeklyHours: 12, basis: 'served_share', positionId: 'enough' }]);
    });

    it('follows the configured share', () => {
      const half = placement('half', { ...agreed, endDate: '2025-07-15' });
      expect(countPlacements([half], '2026-01-01', { ...rules, earlyEndShare: 0.5 }).counted).toHaveLength(1);
      expect(countPlacements([half], '2026-01-01', rules).counted).toHaveLength(0);
      expect(() => countPlacements([half], '2026-01-01', { ...rules, earlyEndShare: 1.5 })).toThrow(RangeError);
    });

    it('measures an open-ended placement against the contract end', () => {
      const openEnded = placement('open', { startDate: '2025-01-01', endDate: '2025-06-30' });
      expect(countPlacements([openEnded], '2026-01-01', { ...rules, openEndedUntil: '2025-08-01' }).counted).toHaveLength(1);
      expect(countPlacements([openEnded], '2026-01-01', rules).counted).toHaveLength(0);
    });
  });

  it('counts placements made through a partner, unless the clause excludes them', () => {
    const list = [placement('own'), placement('via-flexvirk', { partnerId: 'flexvirk' })];
    expect(ids(countPlacements(list, '2025-02-01', rules).counted)).toEqual(['own', 'via-flexvirk']);
    const excluded = countPlacements(list, '2025-02-01', { ...rules, partnerPlacementsCount: false });
    expect(ids(excluded.counted)).toEqual(['own']);
    expect(excluded.notCounted).toEqual([{ placementId: 'via-flexvirk', reason: 'partner_not_counted' }]);
  });

  describe('replacements', () => {
    it('counts a position once when the first hire ended early and was replaced', () => {
      const first = placement('first', { endDate: '2025-02-28', agreedMonths: 12 });
      const replacement = placement('second', { startDate: '2025-03-15', replacesPlacementId: 'first' });
      const result = countPlacements([first, replacement], '2025-06-01', rules);
      expect(result.counted).toEqual([{ placementId: 'second', weeklyHours: 10, basis: 'active', positionId: 'first' }]);
      expect(result.notCounted).toEqual([{ placementId: 'first', reason: 'ended_too_early' }]);
    });

    it('counts a position once when both the ended hire (over 75%) and its replacement would count', () => {
      const first = placement('first', { endDate: '2025-11-30', agreedMonths: 12, agreedWeeklyHours: 15 });
      const second = placement('second', { startDate: '2025-12-01', replacesPlacementId: 'first', agreedWeeklyHours: 10 });
      const third = placement('third', { startDate: '2026-01-01', replacesPlacementId: 'second', agreedWeeklyHours: 12 });
      const result = countPlacements([third, first, second], '2026-02-01', rules);
      // Three people have held one position (the second has no end date recorded yet): it counts once, by its latest holder.
      expect(result.counted).toHaveLength(1);
      expect(result.counted[0]).toMatchObject({ placementId: 'third', positionId: 'first', weeklyHours: 12 });
      expect(result.notCounted.map((n) => n.reason)).toEqual(['position_already_counted', 'position_already_counted']);
    });

    it('keeps the ended hire when its replacement has not started yet', () => {
      const first = placement('first', { endDate: '2025-11-30', agreedMonths: 12 });
      const next = placement('next', { startDate: '2026-03-01', replacesPlacementId: 'first' });
      const result = countPlacements([first, next], '2026-01-15', rules);
      expect(result.counted).toEqual([{ placementId: 'first', weeklyHours: 10, basis: 'served_share', positionId: 'first' }]);
    });

    it('survives a cycle or a predecessor outside the list', () => {
      const a = placement('a', { replacesPlacementId: 'b' });
      const b = placement('b', { replacesPlacementId: 'a' });
      const c = placement('c', { replacesPlacementId: 'elsewhere' });
      const result = countPlacements([a, b, c], '2025-02-01', rules);
      expect(result.counted.map((p) => p.positionId).sort()).toEqual(['a', 'c']);
    });
  });
});

describe('clauseCompliance', () => {
  it('reads the Odense reference case as 16/13 hires and 186/130 weekly hours, partner hires included', () => {
    const weekly = [10, 10, 10, 10, 10, 12, 12, 12, 12, 12, 12, 12, 12, 14, 14, 12];
    const placements = weekly.map((agreedWeeklyHours, i) =>
      placement(`p${i}`, { agreedWeeklyHours, startDate: '2024-09-01', partnerId: i < 3 ? 'flexvirk' : null }),
    );
    const result = clauseCompliance({ hires: 13, weeklyHoursPerHire: 10 }, placements, '2025-06-01', rules);
    expect(result.hires).toMatchObject({ actual: 16, required: 13, met: true });
    expect(result.weeklyHours).toMatchObject({ actual: 186, required: 130, met: true });
    expect(result.met).toBe(true);
    expect(result.notCounted).toEqual([]);
  });

  it('is not met before the hires have started', () => {
    const result = clauseCompliance({ hires: 1, weeklyHoursPerHire: 10 }, [placement('later', { startDate: '2025-05-01' })], '2025-04-30', rules);
    expect(result.hires).toMatchObject({ actual: 0, required: 1, met: false });
    expect(result.met).toBe(false);
  });
});
