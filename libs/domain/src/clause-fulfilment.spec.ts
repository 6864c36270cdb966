import { clauseFulfilment } from './clause-fulfilment';

describe('clauseFulfilment', () => {
  it('reads the Odense special-transport case as 16/13 hires and 186/130 weekly hours', () => {
    // 16 new flexjobs: split morning/afternoon runs, 10 to 14 hours a week each.
    const weekly = [10, 10, 10, 10, 10, 12, 12, 12, 12, 12, 12, 12, 12, 14, 14, 12];
    const result = clauseFulfilment({ hires: 13, weeklyHoursPerHire: 10 }, weekly.map((weeklyHours) => ({ weeklyHours })));

    expect(result.hires).toMatchObject({ actual: 16, required: 13, met: true });
    expect(result.weeklyHours).toMatchObject({ actual: 186, required: 130, met: true });
    expect(result.met).toBe(true);
  });

  it('is not met when headcount is reached but the hours are not', () => {
    const result = clauseFulfilment({ hires: 2, totalWeeklyHours: 30 }, [{ weeklyHours: 10 }, { weeklyHours: 10 }]);
    expect(result.hires.met).toBe(true);
    expect(result.weeklyHours).toMatchObject({ actual: 20, required: 30, met: false });
    expect(result.met).toBe(false);
  });

  it('counts headcount alone when the clause sets no hours', () => {
    const result = clauseFulfilment({ hires: 3 }, [{ weeklyHours: 37 }]);
    expect(result.weeklyHours).toBeNull();
    expect(result.hires).toMatchObject({ actual: 1, required: 3, met: false });
    expect(result.hires.ratio).toBeCloseTo(1 / 3);
  });

  it('refuses impossible weekly hours', () => {
    expect(() => clauseFulfilment({ hires: 1 }, [{ weeklyHours: 0 }])).toThrow(RangeError);
    expect(() => clauseFulfilment({ hires: 1 }, [{ weeklyHours: 200 }])).toThrow(RangeError);
  });
});
