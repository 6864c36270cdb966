import { IsNumber, validateSync } from 'class-validator';
import { IsWeeklyHours, isWeeklyHours } from './weekly-hours.decorator';

class Hire {
  @IsWeeklyHours()
  weeklyHours!: number;
}

const hire = (weeklyHours: unknown) => Object.assign(new Hire(), { weeklyHours });

describe('IsWeeklyHours', () => {
  it.each([0.01, 0.5, 10, 12.25, 36.99, 37])('#12.6: accepts %p hours', (hours) => {
    expect(validateSync(hire(hours))).toEqual([]);
  });

  it.each([0, -1, 1e-9, 5e-7, 37.01, 38, 80, 12.345, 1e308, Number.NaN, Number.POSITIVE_INFINITY, '10', null])('#12.6: refuses %p with a message naming the field', (hours) => {
    const [error] = validateSync(hire(hours));
    expect(error.property).toBe('weeklyHours');
    expect(Object.values(error.constraints ?? {})).toEqual(['weeklyHours must be weekly hours above 0 and at most 37, with at most 2 decimals']);
  });

  it('#12.6: is needed because maxDecimalPlaces throws on exponent notation (the 500 of hire {"weeklyHours":1e-9})', () => {
    class Old {
      @IsNumber({ maxDecimalPlaces: 2 })
      weeklyHours = 1e-9;
    }
    expect(() => validateSync(new Old())).toThrow(TypeError);
    expect(isWeeklyHours(1e-9)).toBe(false);
  });
});
