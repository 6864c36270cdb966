import { BadRequestException } from '@nestjs/common';
import { InputHygienePipe } from './input-hygiene.pipe';

const pipe = new InputHygienePipe();
const refusal = (value: unknown, type: 'body' | 'query' | 'param' | 'custom' = 'body', data?: string) => {
  try {
    pipe.transform(value, { type, data });
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as { code: string; message: string; details: { fields: string[] } };
  }
  return undefined;
};

describe('InputHygienePipe', () => {
  it('#11.6: names the path of a CPR number anywhere in a body, nested objects and arrays too', () => {
    expect(refusal({ placements: [{ note: 'ok' }, {}, { note: 'cpr 010190-1234' }] })).toMatchObject({
      code: 'CPR_NUMBER_REFUSED',
      details: { fields: ['placements[2].note'] },
    });
    expect(refusal({ requirements: 'ring 010190 1234', title: 'Ok', tasks: ['a', '0101901234'] })?.details.fields).toEqual(['requirements', 'tasks[1]']);
  });

  it('#11.6: leaves base64 file content and secrets to their own checks', () => {
    expect(refusal({ cv: { fileName: 'cv.pdf', contentBase64: 'JVBERi0xLjQK0101901234' }, password: 'x 010190-1234', newPassword: '0101901234', secret: '0101901234abcdefgh' })).toBeUndefined();
    expect(refusal({ cv: { fileName: 'cv 010190-1234.pdf' } })?.details.fields).toEqual(['cv.fileName']);
  });

  it('#12.6: refuses control characters in bodies, queries, path parameters and keys, and keeps tab and line breaks', () => {
    expect(refusal({ name: 'a\u0000b' })).toMatchObject({ code: 'CONTROL_CHARACTER', details: { fields: ['name'] } });
    expect(refusal({ q: 'a\u0085' }, 'query')?.details.fields).toEqual(['q']);
    expect(refusal('abc\u0000', 'param', 'id')?.details.fields).toEqual(['id']);
    expect(refusal({ 'a\u0000': 1 })?.code).toBe('CONTROL_CHARACTER');
    expect(refusal({ note: 'line\r\nline\ttab' })).toBeUndefined();
    expect(refusal({ name: 'half \uD800 pair' })?.code).toBe('INVALID_TEXT');
  });

  it('#12.6: refuses numbers a DTO cannot read, and not ordinary ones', () => {
    expect(refusal({ weeklyHours: 1e-9 })).toMatchObject({ code: 'NUMBER_OUT_OF_RANGE', details: { fields: ['weeklyHours'] } });
    expect(refusal({ a: [1e300] })?.details.fields).toEqual(['a[0]']);
    expect(refusal({ a: 0, b: -12.5, c: 0.25, d: 5_000_000_000 })).toBeUndefined();
  });

  it('#12.6: refuses nesting deeper than 64 without recursing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(refusal({ title: deep })?.code).toBe('TOO_DEEP');
  });

  it('does not look at values Nest resolves itself (the actor, the request)', () => {
    expect(refusal({ note: '010190-1234' }, 'custom')).toBeUndefined();
    expect(refusal('010190-1234', 'param', 'token')).toBeUndefined();
  });
});
