import { InvalidInputError } from '@klausul/domain';
import { decodeCursor, encodeCursor } from './cursor';
import { Keyset } from './keyset';
import { isSortValue } from './sort-value';

const SORTS = { startDate: { sql: 'c.start_date', type: 'date' }, endDate: { sql: 'c.end_date', type: 'date' } } as const;
const ID = '6f1c9a52-3b1e-4c47-9d0a-1f2e3d4c5b6a';
const anyValue = () => true;

describe('keyset paging', () => {
  it('reads its own cursor back, for the same sort only', () => {
    const cursor = encodeCursor({ sort: '-startDate', value: '2025-01-01', id: ID });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, '-startDate', anyValue)).toEqual({ sort: '-startDate', value: '2025-01-01', id: ID });
    expect(() => decodeCursor(cursor, 'startDate', anyValue)).toThrow(InvalidInputError);
  });

  it.each(['', 'not base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["-startDate","2025-01-01","not-a-uuid"]').toString('base64url')])(
    'refuses %j as a cursor, naming the parameter',
    (cursor) => {
      expect(() => decodeCursor(cursor, '-startDate', anyValue)).toThrow(expect.objectContaining({ details: { fields: ['cursor'] } }));
    },
  );

  it('continues after the cursor in the sort direction, with the id breaking ties', () => {
    const params: unknown[] = ['m'];
    const keyset = Keyset.of({ limit: 2, cursor: encodeCursor({ sort: '-startDate', value: '2025-01-01', id: ID }) }, SORTS, '-startDate', 'c.id');
    expect(keyset.condition(params)).toBe(' AND (c.start_date, c.id) < ($2::date, $3::uuid)');
    expect(params).toEqual(['m', '2025-01-01', ID]);
    expect(keyset.orderAndLimit).toBe(' ORDER BY c.start_date DESC, c.id DESC LIMIT 3');
  });

  it('gives a next cursor only when a row beyond the page was read', () => {
    const keyset = Keyset.of({ limit: 2 }, SORTS, 'endDate', 'c.id');
    const rows = [1, 2, 3].map((n) => ({ id: `${ID.slice(0, -1)}${n}`, page_key: `2025-0${n}-01` }));
    const full = keyset.page(rows, (r) => r.id);
    expect(full.items).toHaveLength(2);
    expect(decodeCursor(full.nextCursor!, 'endDate', anyValue)).toMatchObject({ value: '2025-02-01', id: rows[1].id });
    expect(keyset.page(rows.slice(0, 2), (r) => r.id).nextCursor).toBeNull();
    expect(keyset.condition([])).toBe('');
  });

  it.each([
    ['date', '2025-02-30'],
    ['date', 'x'],
    ['date', '0000-01-01'],
    ['timestamptz', 'x'],
    ['timestamptz', '1'],
    ['timestamptz', '2025-13-01 00:00:00+00'],
    ['integer', '1.5'],
    ['integer', '99999999999'],
    ['numeric', '1e5'],
    ['text', 'a\u0000b'],
  ] as const)('refuses a cursor whose %s sort value is %j, naming the parameter', (type, value) => {
    const columns = { key: { sql: 'x.key', type } };
    const cursor = encodeCursor({ sort: 'key', value, id: ID });
    expect(() => Keyset.of({ cursor }, columns, 'key', 'x.id')).toThrow(expect.objectContaining({ details: { fields: ['cursor'] } }));
  });

  it.each([
    ['date', '2024-02-29'],
    ['date', 'infinity'],
    ['timestamptz', '2025-03-01 09:15:00.123456+00'],
    ['timestamptz', '2025-03-01 09:15:00+05:30'],
    ['integer', '-3'],
    ['numeric', '-12.50'],
    ['text', '2025-03'],
  ] as const)('reads a %s sort value %j as PostgreSQL prints it', (type, value) => {
    expect(isSortValue(type, value)).toBe(true);
  });

  it('refuses a sort the list does not have', () => {
    expect(() => Keyset.of({ sort: 'supplierName' }, SORTS, 'startDate', 'c.id')).toThrow(/sort must be one of startDate, endDate/);
  });
});
