import { addMonths, calendarDateOf, compareDates, daysBetween, isCalendarDate } from './calendar-date';

describe('calendar dates', () => {
  it('accepts only real dates in YYYY-MM-DD form', () => {
    expect(isCalendarDate('2025-02-28')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20250101)).toBe(false);
  });

  it('adds months, keeping the day or clamping to the end of a shorter month', () => {
    expect(addMonths('2025-01-15', 6)).toBe('2025-07-15');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('counts days and compares dates without time zones', () => {
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-03-30', '2025-03-31')).toBe(1);
    expect(compareDates('2025-01-02', '2025-01-01')).toBeGreaterThan(0);
    expect(calendarDateOf(new Date('2025-06-30T23:30:00Z'))).toBe('2025-06-30');
  });

  it('refuses what is not a date', () => {
    expect(() => daysBetween('2025-02-30', '2025-03-01')).toThrow(RangeError);
    expect(() => addMonths('yesterday', 1)).toThrow(RangeError);
  });
});
