import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '@klausul/config';

/** What a review link grants: confirming one review (a contract's month), until it expires. */
export interface ReviewLinkClaims {
  purpose: 'review-confirmation';
  reviewId: string;
  contractId: string;
  period: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type ReviewLinkCheck = { ok: true; claims: ReviewLinkClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'wrong_purpose' };

/**
 * Signs and verifies suppliers' review links: `base64url(claims).base64url(HMAC-SHA256)`.
 * The token carries ids only; whoever holds it may confirm that one review until it expires.
 */
export class ReviewLinkSigner {
  constructor(private readonly secret: Buffer) {}

  sign(claims: Omit<ReviewLinkClaims, 'purpose'>): string {
    const body = Buffer.from(JSON.stringify({ purpose: 'review-confirmation', ...claims })).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  verify(token: string, now: Date): ReviewLinkCheck {
    const parts = token.split('.');
    if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1])) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.mac(parts[0]), 'base64url');
    const given = Buffer.from(parts[1], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
    let claims: ReviewLinkClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (claims.purpose !== 'review-confirmation' || typeof claims.reviewId !== 'string') return { ok: false, reason: 'wrong_purpose' };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(`klausul-review-link.${body}`).digest('base64url');
  }
}

export function reviewLinkSecretPath(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'review-link-secret');
}

/**
 * REVIEW_LINK_SECRET when set. Unset, tests get a random secret in memory; other processes
 * read (or, the first time, generate) `<KLAUSUL_DATA_DIR>/review-link-secret` (mode 0600),
 * which only works while one machine holds the data. Production with an external database must set it.
 */
export async function loadReviewLinkSigner(config: AppConfig, warn: (message: string) => void = () => undefined): Promise<ReviewLinkSigner> {
  if (config.reviews.linkSecret) return new ReviewLinkSigner(Buffer.from(config.reviews.linkSecret, 'utf8'));
  if (config.env === 'test') return new ReviewLinkSigner(randomBytes(32));
  if (config.env === 'production' && !config.database.embedded) {
    throw new Error('REVIEW_LINK_SECRET must be set in production with an external DATABASE_URL (the same on every process)');
  }
  if (!config.database.embedded) warn(`REVIEW_LINK_SECRET is not set: review links are signed with the secret in ${reviewLinkSecretPath(config)} on this machine only`);
  const file = reviewLinkSecretPath(config);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  const secret = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (secret.length < 32) throw new Error(`${file} does not hold a 32-byte base64 secret`);
  return new ReviewLinkSigner(secret);
}
