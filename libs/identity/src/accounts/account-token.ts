import { GoneException, NotFoundException } from '@nestjs/common';
import { InvalidInputError } from '@klausul/domain';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../identity.constants';
import type { AccountTokenKind, AccountTokenRow } from './account-token.repository';

/** How long an invitation link works: 72 hours (the decision). */
export const INVITATION_TTL_MS = 72 * 3_600_000;
/** How long a password reset link works: 1 hour, enough to open the mail, short enough that an old mailbox is no way in. */
export const PASSWORD_RESET_TTL_MS = 3_600_000;

/** Requests for a reset link one client address may make per window before it must wait (then 429). */
export const RESET_REQUESTS_PER_ADDRESS = 20;
/** Reset e-mails one account gets per window at most; beyond that a request is answered alike and sends nothing. */
export const RESET_MAILS_PER_ACCOUNT = 3;
export const RESET_WINDOW_MS = 15 * 60_000;
export const RESET_MAIL_WINDOW_MS = 3_600_000;

const WORDS: Record<AccountTokenKind, { name: string; prefix: string }> = {
  invitation: { name: 'invitation', prefix: 'INVITATION' },
  password_reset: { name: 'password reset link', prefix: 'RESET_LINK' },
};

/**
 * The token may be used now, or the error that says why not: 404 for a token that never
 * existed, 410 with its own code once it expired, was used or was replaced by a newer link.
 */
export function assertUsable(kind: AccountTokenKind, row: AccountTokenRow | null, now: Date): asserts row is AccountTokenRow {
  const { name, prefix } = WORDS[kind];
  if (!row) throw new NotFoundException({ code: 'NOT_FOUND', message: `This ${name} is not valid; check that the whole link was copied` });
  if (row.used_at) throw new GoneException({ code: `${prefix}_USED`, message: `This ${name} has been used already` });
  if (row.revoked_at) throw new GoneException({ code: `${prefix}_REPLACED`, message: `A newer ${name} was sent; use the one in the latest e-mail` });
  if (row.expires_at.getTime() <= now.getTime()) throw new GoneException({ code: `${prefix}_EXPIRED`, message: `This ${name} has expired; ask for a new one` });
}

/** The state an invitation shows in the list. */
export function invitationState(row: AccountTokenRow, now: Date): 'pending' | 'accepted' | 'replaced' | 'expired' {
  if (row.used_at) return 'accepted';
  if (row.revoked_at) return 'replaced';
  return row.expires_at.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** The password rule of the whole app; the API's DTOs check it too, the web pages call the services directly. */
export function assertPasswordLength(password: string, field = 'password'): void {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new InvalidInputError(`${field} must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`, { field });
  }
}
