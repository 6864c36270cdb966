import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '@klausul/config';
import { isUuid } from '@klausul/domain';
import { isPeriod } from '../reviews/review-period';

/** What a review link grants: confirming (and correcting) one review of one supplier, until it expires. */
export interface ReviewLinkClaims {
  reviewId: string;
  supplierId: string;
  contractId: string;
  period: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type ReviewLinkCheck = { ok: true; claims: ReviewLinkClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'wrong_purpose' };

const ALGORITHM = 'HS256';
/** The audience names the purpose: a token Klausul signs for anything else can never open a review. */
const AUDIENCE = 'klausul:review-confirmation';
const ISSUER = 'klausul';
const PART = /^[A-Za-z0-9_-]+$/;

/**
 * Signs and verifies suppliers' review links as JWS compact tokens (HS256, `exp`), with
 * `jose`. The token carries ids only; whoever holds it may confirm that one review until it
 * expires. Verification refuses what the library alone would let through: a base64url part
 * that is not in its one canonical spelling (4 strings decode to the same 32-byte HMAC),
 * and a validly signed payload that is not the shape Klausul signs.
 */
export class ReviewLinkSigner {
  private readonly key: Uint8Array;

  constructor(secret: Buffer) {
    this.key = new Uint8Array(secret);
  }

  sign(claims: ReviewLinkClaims): Promise<string> {
    return new SignJWT({ reviewId: claims.reviewId, supplierId: claims.supplierId, contractId: claims.contractId, period: claims.period })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(claims.exp)
      .sign(this.key);
  }

  async verify(token: string, now: Date): Promise<ReviewLinkCheck> {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts.every(isCanonicalBase64url)) return { ok: false, reason: 'malformed' };
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        audience: AUDIENCE,
        issuer: ISSUER,
        currentDate: now,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
    const claims = claimsOf(payload);
    return claims ? { ok: true, claims } : { ok: false, reason: 'wrong_purpose' };
  }
}

/** The shape Klausul signs, checked after the signature: a signed token of another shape is refused, never looked up. */
function claimsOf(payload: Record<string, unknown>): ReviewLinkClaims | null {
  const { reviewId, supplierId, contractId, period, exp } = payload;
  if (!isId(reviewId) || !isId(supplierId) || !isId(contractId) || !isPeriod(period)) return null;
  if (typeof exp !== 'number' || !Number.isSafeInteger(exp)) return null;
  return { reviewId, supplierId, contractId, period, exp };
}

const isId = (value: unknown): value is string => typeof value === 'string' && isUuid(value);

function reasonOf(error: unknown): 'malformed' | 'bad_signature' | 'expired' | 'wrong_purpose' {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWTClaimValidationFailed) return 'wrong_purpose';
  return 'malformed';
}

/** Exactly the string base64url encoding produces for the bytes it stands for (no padding, no stray low bits). */
function isCanonicalBase64url(part: string): boolean {
  return PART.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part;
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
