import { InvalidInputError } from '../domain-errors';
import { assertNoCprNumber, findCprNumbers, redactCprNumbers } from './cpr-number';

describe('findCprNumbers', () => {
  it.each([
    ['010190-1234', 'with a hyphen'],
    ['0101901234', 'without a hyphen'],
    ['CPR: 311299-4321.', 'inside a sentence'],
    ['Kandidat (290284-1234) starter mandag', 'in brackets, 29 February'],
    ['cpr=1506751234&x=1', 'in a query string'],
  ])('finds %j (%s)', (text) => {
    expect(findCprNumbers(text)).toHaveLength(1);
  });

  it('reports where each one is', () => {
    expect(findCprNumbers('a 010190-1234 b 0202021234')).toEqual([
      { index: 2, length: 11 },
      { index: 16, length: 10 },
    ]);
  });

  it.each([
    ['12 34 56 78', 'a spaced phone number'],
    ['+45 12345678', 'an 8-digit phone number'],
    ['ring 4512345678', 'a phone number with country code (day 45)'],
    ['2026-05-14', 'an ISO date'],
    ['14-05-2026', 'a Danish date'],
    ['14.05.26', 'a short date'],
    ['140526', 'six digits alone'],
    ['ordre 12345678901', 'an 11-digit order number'],
    ['faktura 2024-0101901234', 'ten digits glued to a number before them'],
    ['konto 0101901234-56', 'ten digits glued to digits after them'],
    ['ref 010190-12345', 'five digits after the hyphen'],
    ['3213901234', 'day 32'],
    ['0113901234', 'month 13'],
    ['3102901234', '31 February'],
    ['0001901234', 'day 00'],
    ['CVR 12345678', 'a CVR number'],
  ])('ignores %j (%s)', (text) => {
    expect(findCprNumbers(text)).toEqual([]);
  });
});

describe('redactCprNumbers', () => {
  it('replaces each CPR-like value and keeps the rest', () => {
    expect(redactCprNumbers('Jens, 010190-1234, tlf. 12 34 56 78')).toBe('Jens, [personnummer], tlf. 12 34 56 78');
  });
});

describe('assertNoCprNumber', () => {
  it('lets clean fields and missing values through', () => {
    expect(() => assertNoCprNumber({ name: 'Jens Hansen', phone: '12 34 56 78', notes: undefined })).not.toThrow();
  });

  it('names every offending field, says why, and never repeats the number', () => {
    let error: unknown;
    try {
      assertNoCprNumber({ name: 'Jens Hansen', notes: 'cpr 010190-1234', reference: '0202021234' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const { message, details, code } = error as InvalidInputError;
    expect(code).toBe('INVALID_INPUT');
    expect(message).toContain('notes, reference');
    expect(message).toContain('never stores CPR numbers');
    expect(details).toEqual({ fields: ['notes', 'reference'] });
    expect(JSON.stringify({ message, details })).not.toMatch(/010190|1234|020202/);
  });
});
