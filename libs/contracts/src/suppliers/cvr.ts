/** Weights of the CVR modulus-11 check, digit by digit. */
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/**
 * Whether a string is a Danish CVR number: 8 digits, not starting with 0, whose digits
 * weighted 2,7,6,5,4,3,2,1 sum to a multiple of 11.
 */
export function isValidCvr(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[1-9][0-9]{7}$/.test(value)) return false;
  const sum = [...value].reduce((total, digit, i) => total + Number(digit) * CVR_WEIGHTS[i], 0);
  return sum % 11 === 0;
}

/** A CVR number as people write it ("DK-3520 9115") reduced to its 8 digits; other input is returned unchanged. */
export function normaliseCvr(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.replace(/^\s*DK[-\s]?/i, '').replace(/[\s.-]/g, '');
}
