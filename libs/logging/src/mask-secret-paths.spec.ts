import { maskSecretPaths } from './root-logger';

describe('maskSecretPaths', () => {
  it('hides the token of every link that is its own credential', () => {
    expect(maskSecretPaths('/confirm/eyJhbGciOi.abc-def_ghi')).toBe('/confirm/[redacted]');
    expect(maskSecretPaths('/confirm/eyJ.abc/receipt')).toBe('/confirm/[redacted]/receipt');
    expect(maskSecretPaths('/invitation/AbC123?x=1')).toBe('/invitation/[redacted]?x=1');
    expect(maskSecretPaths('/reset-password/tok')).toBe('/reset-password/[redacted]');
    expect(maskSecretPaths('/api/v1/review-links/tok/correction')).toBe('/api/v1/review-links/[redacted]/correction');
    expect(maskSecretPaths('/login?next=%2Fconfirm%2Fsecret%2Freceipt')).toBe('/login?next=%2Fconfirm%2F[redacted]%2Freceipt');
  });

  it('leaves other paths alone', () => {
    expect(maskSecretPaths('/supplier/job-orders/1f0e/candidates')).toBe('/supplier/job-orders/1f0e/candidates');
  });
});
