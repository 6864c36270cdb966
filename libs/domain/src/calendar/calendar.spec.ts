import fc from 'fast-check';
import { closedDays, danishPublicHolidays, easterSunday } from './danish-holidays';
import { copenhagenDateOf, plusDays } from './local-date';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

const holidayOn = (year: number, name: string) => danishPublicHolidays(year).find((h) => h.name === name)?.date;

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('of %i is %s', (year, date) => expect(easterSunday(year)).toBe(date));
});

describe('danishPublicHolidays', () => {
  it('lists the 2026 holidays, Store bededag no longer among them', () => {
    expect(danishPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nytårsdag' },
      { date: '2026-04-02', name: 'Skærtorsdag' },
      { date: '2026-04-03', name: 'Langfredag' },
      { date: '2026-04-05', name: 'Påskedag' },
      { date: '2026-04-06', name: '2. påskedag' },
      { date: '2026-05-14', name: 'Kristi himmelfartsdag' },
      { date: '2026-05-24', name: 'Pinsedag' },
      { date: '2026-05-25', name: '2. pinsedag' },
      { date: '2026-12-25', name: 'Juledag' },
      { date: '2026-12-26', name: '2. juledag' },
    ]);
  });

  it('keeps Store bededag until 2023 and drops it from 2024', () => {
    expect(holidayOn(2023, 'Store bededag')).toBe('2023-05-05');
    expect(holidayOn(2022, 'Store bededag')).toBe('2022-05-13');
    expect(holidayOn(2024, 'Store bededag')).toBeUndefined();
  });

  it('places the movable feasts of 2025 and 2027 from Easter', () => {
    expect(holidayOn(2025, 'Kristi himmelfartsdag')).toBe('2025-05-29');
    expect(holidayOn(2025, '2. pinsedag')).toBe('2025-06-09');
    expect(holidayOn(2027, 'Langfredag')).toBe('2027-03-26');
    expect(holidayOn(2027, 'Kristi himmelfartsdag')).toBe('2027-05-06');
  });

  it('adds Grundlovsdag, 24 and 31 December as closed days unless told otherwise', () => {
    const names = (options = {}) => closedDays(2026, options).map((day) => day.name);
    expect(names()).toEqual(expect.arrayContaining(['Grundlovsdag', 'Juleaftensdag', 'Nytårsaftensdag']));
    expect(names({ constitutionDay: false, christmasEve: false, newYearsEve: false })).toHaveLength(10);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-05-14', false, 'Kristi himmelfartsdag'],
    ['2026-05-15', true, 'the Friday after Kristi himmelfart'],
    ['2026-05-16', false, 'a Saturday'],
    ['2026-05-17', false, 'a Sunday'],
    ['2024-04-26', true, 'the former Store bededag 2024'],
    ['2023-05-05', false, 'Store bededag 2023'],
    ['2025-06-05', false, 'Grundlovsdag (closed by default)'],
    ['2025-12-24', false, 'juleaftensdag (closed by default)'],
    ['2025-12-31', false, 'nytårsaftensdag (closed by default)'],
    ['2025-12-23', true, 'the day before juleaften'],
    ['1969-12-30', true, 'a Tuesday before 1970'],
    ['1969-12-28', false, 'a Sunday before 1970'],
  ])('%s is %s (%s)', (date, expected) => expect(isWorkingDay(date)).toBe(expected));

  it('opens the optional closed days when the options say the office is open', () => {
    expect(isWorkingDay('2025-06-05', { constitutionDay: false })).toBe(true);
    expect(isWorkingDay('2025-12-24', { christmasEve: false })).toBe(true);
    expect(isWorkingDay('2025-12-31', { newYearsEve: false })).toBe(true);
  });

  it('refuses anything that is not a calendar date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('14/05/2026')).toThrow(RangeError);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('skips Easter 2026 for a deadline of 5 working days', () => {
    // Monday 30 March: Skærtorsdag, Langfredag, the weekend and 2. påskedag fall in between.
    expect(addWorkingDays('2026-03-30', 5)).toBe('2026-04-09');
    expect(workingDaysBetween('2026-03-30', '2026-04-09')).toBe(5);
  });

  it('counts 10 working days across Christmas and New Year', () => {
    expect(addWorkingDays('2025-12-19', 10)).toBe('2026-01-09');
  });

  it('goes backwards with a negative n', () => {
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-01');
    expect(workingDaysBetween('2026-04-07', '2026-04-01')).toBe(-1);
  });

  it('starts from a non-working day without counting it', () => {
    expect(addWorkingDays('2026-05-16', 1)).toBe('2026-05-18');
    expect(addWorkingDays('2026-05-16', 0)).toBe('2026-05-16');
  });

  const anyDate = fc.integer({ min: 0, max: 365 * 30 }).map((offset) => plusDays('2015-01-01', offset));
  const anyOptions = fc.record({ constitutionDay: fc.boolean(), christmasEve: fc.boolean(), newYearsEve: fc.boolean() });

  it('round-trips: workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400, max: 400 }), anyOptions, (date, n, options) => {
        expect(workingDaysBetween(date, addWorkingDays(date, n, options), options)).toBe(n);
      }),
    );
  });

  it('always lands on a working day when n is not 0', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400, max: 400 }).filter((n) => n !== 0), anyOptions, (date, n, options) => {
        expect(isWorkingDay(addWorkingDays(date, n, options), options)).toBe(true);
      }),
    );
  });

  it('is antisymmetric and additive between working days', () => {
    const workingDay = anyDate.filter((date) => isWorkingDay(date));
    fc.assert(
      fc.property(workingDay, workingDay, workingDay, (a, b, c) => {
        expect(workingDaysBetween(b, a) + workingDaysBetween(a, b)).toBe(0);
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
      }),
      { numRuns: 50 },
    );
  });
});

describe('copenhagenDateOf', () => {
  it('reads an instant as a Danish date, in winter and in summer time', () => {
    expect(copenhagenDateOf(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(copenhagenDateOf(new Date('2026-01-14T22:30:00Z'))).toBe('2026-01-14');
    expect(copenhagenDateOf(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(copenhagenDateOf(new Date('2026-07-14T21:30:00Z'))).toBe('2026-07-14');
  });
});
