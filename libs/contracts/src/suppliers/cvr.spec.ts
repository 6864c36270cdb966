import { isValidCvr, normaliseCvr } from './cvr';

describe('CVR numbers', () => {
  it.each(['35209115', '24256790', '29189846'])('accepts %s (modulus 11 holds)', (cvr) => {
    expect(isValidCvr(cvr)).toBe(true);
  });

  it.each([
    ['35209116', 'a wrong check digit'],
    ['3520911', 'seven digits'],
    ['352091150', 'nine digits'],
    ['05209115', 'a leading zero'],
    ['3520911A', 'a letter'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (cvr) => {
    expect(isValidCvr(cvr)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isValidCvr(35209115)).toBe(false);
    expect(isValidCvr(null)).toBe(false);
  });

  it('reads the ways people write a CVR number', () => {
    expect(normaliseCvr('DK35209115')).toBe('35209115');
    expect(normaliseCvr('DK-3520 9115')).toBe('35209115');
    expect(normaliseCvr(' 35 20 91 15 ')).toBe('35209115');
    expect(normaliseCvr(35209115)).toBe(35209115);
  });
});
