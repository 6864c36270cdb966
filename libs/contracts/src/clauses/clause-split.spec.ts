import { splitClause } from './clause-split';

describe('splitClause', () => {
  it('splits the reference case: 26 hires x 10 h over 8 lots won 4 and 4 is 13 x 10 h each', () => {
    expect(splitClause({ requiredHires: 26, weeklyHoursPerHire: 10, totalWeeklyHours: null }, [4, 4])).toEqual([
      { requiredHires: 13, weeklyHoursPerHire: 10, totalWeeklyHours: null },
      { requiredHires: 13, weeklyHoursPerHire: 10, totalWeeklyHours: null },
    ]);
  });

  it('gives the remainder to the largest fractions, ties to the earlier winner', () => {
    const hires = (lots: number[], total = 13) =>
      splitClause({ requiredHires: total, weeklyHoursPerHire: 10, totalWeeklyHours: null }, lots).map((v) => v?.requiredHires ?? 0);
    expect(hires([4, 4])).toEqual([7, 6]);
    expect(hires([5, 3])).toEqual([8, 5]);
    expect(hires([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(hires([3, 2, 3])).toEqual([5, 3, 5]);
  });

  it('divides a total of weekly hours in proportion to the hires', () => {
    const [a, b] = splitClause({ requiredHires: 4, weeklyHoursPerHire: null, totalWeeklyHours: 130 }, [3, 1]);
    expect(a).toEqual({ requiredHires: 3, weeklyHoursPerHire: null, totalWeeklyHours: 97.5 });
    expect(b).toEqual({ requiredHires: 1, weeklyHoursPerHire: null, totalWeeklyHours: 32.5 });
  });

  it('gives no clause to a winner whose share is no hire', () => {
    expect(splitClause({ requiredHires: 1, weeklyHoursPerHire: 10, totalWeeklyHours: null }, [7, 1])[1]).toBeNull();
  });

  it('refuses an empty split', () => {
    expect(() => splitClause({ requiredHires: 1, weeklyHoursPerHire: 10, totalWeeklyHours: null }, [])).toThrow(RangeError);
    expect(() => splitClause({ requiredHires: 1, weeklyHoursPerHire: 10, totalWeeklyHours: null }, [0, 0])).toThrow(RangeError);
  });
});
