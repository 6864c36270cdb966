import { createHash } from 'node:crypto';
import { digestOf, newApiKey, newPassword, newSessionToken } from './secret-token';

describe('secret tokens', () => {
  it('makes session tokens of 32 random bytes in base64url', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newSessionToken()).not.toBe(token);
  });

  it('prefixes API keys with kla_', () => {
    expect(newApiKey()).toMatch(/^kla_[A-Za-z0-9_-]{43}$/);
  });

  it('generates passwords longer than the 12-character minimum', () => {
    expect(newPassword()).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('stores the SHA-256 digest of a secret, never the secret', () => {
    const digest = digestOf('abc');
    expect(digest).toHaveLength(32);
    expect(digest.equals(createHash('sha256').update('abc').digest())).toBe(true);
  });
});
