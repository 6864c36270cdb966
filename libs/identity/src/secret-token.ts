import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from './identity.constants';

/** A session token: 32 random bytes, base64url. Only its SHA-256 digest is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** An API key: `kla_` and 32 random bytes, base64url. Shown once, stored as its SHA-256 digest. */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** A password strong enough to hand out once: 24 base64url characters (144 bits). */
export function newPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** The digest a token or key is stored and looked up by. */
export function digestOf(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
