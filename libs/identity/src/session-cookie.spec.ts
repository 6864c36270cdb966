import { sessionCookieOptions } from './session-cookie';

describe('sessionCookieOptions', () => {
  it('keeps the cookie from scripts and cross-site posts, on every path', () => {
    expect(sessionCookieOptions({ env: 'development' })).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
  });

  it('sends the cookie over HTTPS only in production', () => {
    expect(sessionCookieOptions({ env: 'production' }).secure).toBe(true);
    expect(sessionCookieOptions({ env: 'test' }).secure).toBe(false);
  });

  it('expires with the session', () => {
    const expiresAt = new Date('2026-01-01T12:00:00Z');
    expect(sessionCookieOptions({ env: 'production' }, expiresAt).expires).toBe(expiresAt);
  });
});
