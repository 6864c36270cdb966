import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@klausul/domain';
import { clientAddress } from '../client-address';
import { PasswordHasher } from '../password-hasher';
import { RateLimitRepository } from '../rate-limit.repository';
import { digestOf, newSessionToken } from '../secret-token';
import { SessionRepository } from '../session.repository';
import { UserRepository } from '../user.repository';
import {
  assertPasswordLength,
  assertUsable,
  PASSWORD_RESET_TTL_MS,
  RESET_MAIL_WINDOW_MS,
  RESET_MAILS_PER_ACCOUNT,
  RESET_REQUESTS_PER_ADDRESS,
  RESET_WINDOW_MS,
} from './account-token';
import { AccountTokenRepository } from './account-token.repository';
import { AccountMail } from './account-mail';

/** The answer to a reset request: always "accepted" (whether or not the address has an account), unless the client must wait. */
export type ResetRequestOutcome = { accepted: true } | { accepted: false; retryAfterSeconds: number };

/** "Glemt adgangskode": a single-use link by e-mail, then a new password that ends every session. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly windows: RateLimitRepository,
    private readonly messages: AccountMail,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * E-mails a reset link when the address belongs to an active user; the answer is the same
   * either way, so the form tells nobody which addresses have accounts. A client address may
   * ask RESET_REQUESTS_PER_ADDRESS times per window (then it waits); an account gets at most
   * RESET_MAILS_PER_ACCOUNT mails per hour however many addresses ask, so nobody can flood an inbox.
   * A new link replaces the user's older unused ones.
   */
  async request(email: string, ip: string | undefined): Promise<ResetRequestOutcome> {
    const address = email.trim().toLowerCase();
    const perClient = await this.windows.hit(digestOf(`password-reset|${clientAddress(ip)}`).toString('hex'), RESET_WINDOW_MS, RESET_REQUESTS_PER_ADDRESS, RESET_WINDOW_MS);
    if (perClient.isBlocked) return { accepted: false, retryAfterSeconds: perClient.timeToBlockExpire };
    const perAccount = await this.windows.hit(digestOf(`password-reset-mail|${address}`).toString('hex'), RESET_MAIL_WINDOW_MS, RESET_MAILS_PER_ACCOUNT, RESET_MAIL_WINDOW_MS);
    if (perAccount.isBlocked) return { accepted: true };

    const user = await this.users.findSignInByEmail(address);
    if (!user || !user.active) return { accepted: true };
    const now = this.clock.now();
    const token = newSessionToken();
    await this.dataSource.transaction(async (manager) => {
      await this.tokens.revokeOpen(manager, 'password_reset', { userId: user.id }, now);
      const reset = await this.tokens.insert(manager, {
        municipalityId: user.municipalityId,
        kind: 'password_reset',
        tokenHash: digestOf(token),
        email: address,
        userId: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      });
      await this.messages.compose(manager, [
        {
          municipalityId: user.municipalityId,
          template: 'password-reset',
          recipient: address,
          data: { token, expiresAt: reset.expires_at },
          related: { type: 'user', id: user.id },
        },
      ]);
    });
    this.logger.log({ userId: user.id }, 'password reset link sent');
    return { accepted: true };
  }

  /** Whether a reset link can still be used (the page checks it when opened): 404 unknown, 410 used, replaced or expired. */
  async check(token: string): Promise<void> {
    const row = await this.tokens.findByHash(this.dataSource.manager, 'password_reset', digestOf(token));
    const now = this.clock.now();
    assertUsable('password_reset', row, now);
    // The repository reads a user for an update (with a row lock), which needs a transaction.
    const user = await this.dataSource.transaction((manager) => this.users.findSignInById(row.user_id!, manager));
    assertUsable('password_reset', user?.active ? row : null, now);
  }

  /** Sets the new password, uses up the link and ends every session of the user (whoever had the old password is out). */
  async reset(token: string, password: string): Promise<void> {
    assertPasswordLength(password);
    const passwordHash = await this.hasher.hash(password);
    const userId = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const row = await this.tokens.lockByHash(manager, 'password_reset', digestOf(token));
      assertUsable('password_reset', row, now);
      const user = await this.users.findSignInById(row.user_id!, manager);
      // A user deactivated since the link was sent may not come back through it.
      assertUsable('password_reset', user?.active ? row : null, now);
      await this.users.setPassword(row.user_id!, passwordHash, manager);
      await this.tokens.markUsed(manager, row.id, now);
      await this.tokens.revokeOpen(manager, 'password_reset', { userId: row.user_id! }, now);
      await this.sessions.revokeAllOfUser(row.user_id!, manager);
      return row.user_id!;
    });
    this.logger.log({ userId }, 'password reset; every session ended');
  }
}
