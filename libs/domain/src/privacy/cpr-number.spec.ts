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

  it.each([
    ['010190 1234', 'a space for the dash'],
    ['010190/1234', 'a slash for the dash'],
    ['01.01.90-1234', 'dots in the date'],
    ['01 01 90 12 34', 'in pairs'],
    ['01-01-90-1234', 'dashes in the date'],
    ['010190 - 1234', 'a dash between spaces'],
    ['010190\u20131234', 'an en dash'],
    ['010190\u20101234', 'U+2010 hyphen'],
    ['010190\u20111234', 'U+2011 non-breaking hyphen'],
    ['010190\u22121234', 'a minus sign'],
    ['010190\u00a01234', 'a non-breaking space'],
    ['\uff10\uff11\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14', 'fullwidth digits'],
    ['\u0660\u0661\u0660\u0661\u0669\u0660-\u0661\u0662\u0663\u0664', 'Arabic-Indic digits'],
    ['\u0966\u0967\u0966\u0967\u096f\u0966\u0967\u0968\u0969\u096a', 'Devanagari digits'],
    ['0101\u200b90-1234', 'a zero-width space inside'],
    ['01\u00ad01\u206090\ufeff-1234', 'soft hyphen, word joiner and BOM inside'],
    ['nr. 5 010190 1234', 'after an unrelated number and a space'],
    ['Født 01.01.90. 010190-1234', 'after a date ending a sentence'],
  ])('#11.6: finds %j (%s)', (text) => {
    const unescaped = JSON.parse(`"${text}"`) as string;
    expect(findCprNumbers(unescaped)).toHaveLength(1);
  });

  it('#11.6: reports offsets in the original text, whatever was normalised', () => {
    const text = 'CPR \uff10\uff11\uff10\uff11\uff19\uff10\u200b-1234 slut';
    const [match] = findCprNumbers(JSON.parse(`"${text}"`));
    expect(match).toEqual({ index: 4, length: 12 });
    expect(redactCprNumbers(JSON.parse(`"${text}"`))).toBe('CPR [personnummer] slut');
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
    ['CVR-nr. 12 34 56 78', 'a spaced CVR number'],
    ['ordre 87654321', 'an 8-digit order number'],
    ['01-01-1990', 'a date with a four-digit year'],
    ['01.01.1990', 'a dotted date with a four-digit year'],
    ['tlf. 30 12 34 56 / 20 11 22 33', 'two spaced phone numbers'],
    ['14.05.26 12 34 56 78', 'a date followed by a spaced phone number'],
    ['01.01.2026-01.02.2026', 'a date range'],
    ['1.1.2026 - 1.2.2026', 'a date range with single digits'],
    ['kl. 10.00-12.00 13.00-15.00', 'opening hours'],
    ['kr. 1.234.567,89', 'an amount'],
    ['+45 12 34 56 78', 'a spaced phone number with country code'],
    ['01019-01234', 'a split inside a pair'],
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

describe('ids are never CPR numbers', () => {
  // Real random UUIDs whose dashes split ten digits in pairs, e.g. 1703-4152-87 in the first.
  it.each(['cf7aff3a-1703-4152-87b6-cd87f01f2501', '07064709-78e9-4054-b605-9e78429246f8', '3d0a1011-4915-41bd-92d5-57bd82f6da89', 'f7b21929-1bca-44ee-af0a-b2805389562e', '197cebe5-cfa1-4fb3-8389-f1810429607f'])(
    'passes the UUID %s, alone and inside a link',
    (uuid) => {
      expect(findCprNumbers(uuid)).toEqual([]);
      expect(findCprNumbers(`https://klausul.odense.dk/suppliers/${uuid}/contracts`)).toEqual([]);
    },
  );

  it('still finds a CPR number beside a UUID, at its place in the text', () => {
    const text = 'cf7aff3a-1703-4152-87b6-cd87f01f2501 CPR 010190-1234';
    expect(findCprNumbers(text)).toEqual([{ index: text.indexOf('010190'), length: 11 }]);
  });
});
