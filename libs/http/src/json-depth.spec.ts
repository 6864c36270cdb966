import { jsonNestsDeeperThan, refuseDeepJson } from './json-depth';

describe('jsonNestsDeeperThan', () => {
  const bytes = (text: string) => Buffer.from(text, 'utf8');

  it.each([
    ['{"a":[1,{"b":[]}]}', 3, true],
    ['{"a":[1,{"b":[]}]}', 4, false],
    ['[[[[]]]]', 3, true],
    ['{"a":"[[[[[[[[[[["}', 1, false],
    ['{"a":"\\"[[[[","b":1}', 1, false],
    ['{"æøå 👩🏽‍⚕️":"[[[[","b":[[]]}', 3, false],
    ['{"æøå 👩🏽‍⚕️":"[[[[","b":[[]]}', 2, true],
  ])('#12.6: %s deeper than %d: %p', (text, depth, deeper) => {
    expect(jsonNestsDeeperThan(bytes(text), depth)).toBe(deeper);
    expect(jsonNestsDeeperThan(text, depth)).toBe(deeper);
  });

  it('#12.6: scans 100,000 levels without recursion', () => {
    expect(jsonNestsDeeperThan(bytes('['.repeat(100_000) + ']'.repeat(100_000)), 64)).toBe(true);
  });

  it('#12.6: the body-parser hook throws a 400 for deep JSON and lets UTF-16 JSON through by its characters', () => {
    const verify = refuseDeepJson(2);
    expect(() => verify(undefined, undefined, bytes('[[[1]]]'), 'utf-8')).toThrow(/deeper than 2 levels/);
    expect(() => verify(undefined, undefined, Buffer.from('{"a":"[[[["}', 'utf16le'), 'utf-16le')).not.toThrow();
    expect(() => verify(undefined, undefined, bytes('{}'), 'klingon')).toThrow(/must be UTF-8/);
  });
});
