import type { CookieOptions } from 'express';
import type { AppConfig } from '@klausul/config';

/** httpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Secure in production. */
export function sessionCookieOptions(config: Pick<AppConfig, 'env'>, expiresAt?: Date): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.env === 'production',
    path: '/',
    ...(expiresAt ? { expires: expiresAt } : {}),
  };
}
