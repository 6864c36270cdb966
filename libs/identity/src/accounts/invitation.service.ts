import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { type Actor, Clock, ConflictError, ForbiddenError, InvalidInputError, MUNICIPALITY_ROLES, type MunicipalityRole } from '@klausul/domain';
import { Keyset, type Page, type PageQuery } from '@klausul/paging';
import type { SignedIn } from '../auth.service';
import { PasswordHasher } from '../password-hasher';
import { digestOf, newSessionToken } from '../secret-token';
import { SessionRepository } from '../session.repository';
import { toUserResponse } from '../user.dto';
import { UserRepository } from '../user.repository';
import { assertPasswordLength, assertUsable, INVITATION_TTL_MS } from './account-token';
import {
  INVITATION_ORDER,
  type InvitationPreviewResponse,
  type InvitationResponse,
  type InviteRequest,
  toInvitationResponse,
} from './account-token.dto';
import { AccountTokenRepository } from './account-token.repository';
import { AccountMail } from './account-mail';

/**
 * Accounts without anyone choosing another person's password: an admin (or, for supplier
 * HR contacts, a procurement caseworker) invites by e-mail; the person opens the single-use
 * link, chooses a password and is signed in. The user row is created on acceptance, so a
 * pending invitation is never an account: nothing can sign in as it, mail it or list it as a
 * user, and an invitation nobody accepts leaves no half-made user behind.
 */
@Injectable()
export class InvitationService {
  private readonly logger = new Logger(InvitationService.name);

  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly messages: AccountMail,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Invites a person into the actor's municipality and e-mails the link, in one transaction. A newer invitation replaces an open one to the same address. */
  async invite(actor: Actor, request: InviteRequest): Promise<InvitationResponse> {
    assertMayInvite(actor, request.role);
    const supplierId = supplierOf(request.role, request.supplierId ?? null);
    const email = request.email.trim().toLowerCase();
    const now = this.clock.now();
    const token = newSessionToken();
    const row = await this.dataSource.transaction(async (manager) => {
      if (await this.users.findRoleByEmail(email, manager)) throw new ConflictError('A user with this e-mail address already exists');
      await this.tokens.revokeOpen(manager, 'invitation', { email, municipalityId: actor.municipalityId }, now);
      const invitation = await this.tokens.insert(manager, {
        municipalityId: actor.municipalityId,
        kind: 'invitation',
        tokenHash: digestOf(token),
        email,
        displayName: request.displayName ?? null,
        role: request.role,
        supplierId,
        createdBy: actor.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      });
      const names = await this.tokens.namesFor(manager, actor.municipalityId, supplierId, actor.userId);
      await this.messages.compose(manager, [
        {
          municipalityId: actor.municipalityId,
          template: 'invitation',
          recipient: email,
          data: {
            token,
            municipalityName: names.municipality_name,
            role: request.role,
            supplierName: names.supplier_name,
            invitedBy: names.invited_by,
            expiresAt: invitation.expires_at,
          },
          related: { type: 'invitation', id: invitation.id },
        },
      ]);
      return invitation;
    });
    this.logger.log({ invitationId: row.id, role: row.role, by: actor.userId ?? actor.apiKeyId }, 'invitation sent');
    return toInvitationResponse(row, now);
  }

  /** The municipality's invitations, newest first; a procurement caseworker sees the supplier HR ones only. */
  async list(actor: Actor, query: PageQuery): Promise<Page<InvitationResponse>> {
    const keyset = Keyset.of(query, INVITATION_ORDER, '-createdAt', 't.id');
    const onlyRole = actor.role === 'admin' ? null : 'supplier_hr';
    const rows = await this.tokens.listInvitations(this.dataSource.manager, actor.municipalityId, onlyRole, keyset);
    const now = this.clock.now();
    return keyset.page(rows, (row) => toInvitationResponse(row, now));
  }

  /** What the invitation page shows; 404 for an unknown link, 410 once it expired, was used or was replaced. */
  async preview(token: string): Promise<InvitationPreviewResponse> {
    const row = await this.tokens.findByHash(this.dataSource.manager, 'invitation', digestOf(token));
    assertUsable('invitation', row, this.clock.now());
    const names = await this.tokens.namesFor(this.dataSource.manager, row.municipality_id, row.supplier_id, null);
    return {
      email: row.email,
      role: row.role!,
      displayName: row.display_name,
      municipalityName: names.municipality_name,
      supplierName: names.supplier_name,
      expiresAt: row.expires_at.toISOString(),
    };
  }

  /**
   * Creates the account with the chosen password (the same argon2id hasher and length rule as
   * everywhere), uses up the link and opens a session: the person has just shown they hold
   * the mailbox and chosen the password, so asking them to type it again adds nothing.
   */
  async accept(token: string, password: string, displayName?: string): Promise<SignedIn> {
    assertPasswordLength(password);
    const passwordHash = await this.hasher.hash(password);
    const sessionToken = newSessionToken();
    const { userId, session } = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const row = await this.tokens.lockByHash(manager, 'invitation', digestOf(token));
      assertUsable('invitation', row, now);
      const userId = await this.users.insert(
        {
          municipalityId: row.municipality_id,
          email: row.email,
          displayName: displayName?.trim() || row.display_name || row.email,
          passwordHash,
          role: row.role!,
          supplierId: row.supplier_id,
        },
        manager,
      );
      await this.tokens.markUsed(manager, row.id, now, userId);
      // Invitations to the same address elsewhere can no longer be accepted (one account per address).
      await this.tokens.revokeOpen(manager, 'invitation', { email: row.email }, now);
      const session = await this.sessions.create({ id: userId, municipalityId: row.municipality_id }, digestOf(sessionToken), this.config.identity.sessionTtlHours, manager);
      return { userId, session };
    });
    const user = await this.users.findOwn(userId);
    this.logger.log({ userId, sessionId: session.id }, 'invitation accepted; signed in');
    return { token: sessionToken, expiresAt: session.expiresAt, user: toUserResponse(user!) };
  }
}

/** An admin invites to any municipality role; a procurement caseworker only suppliers' HR contacts; nobody else invites. */
function assertMayInvite(actor: Actor, role: MunicipalityRole): void {
  if (!MUNICIPALITY_ROLES.includes(role)) throw new InvalidInputError(`role must be one of: ${MUNICIPALITY_ROLES.join(', ')}`, { field: 'role' });
  if (actor.role === 'admin') return;
  if (actor.role === 'procurement_caseworker' && role === 'supplier_hr') return;
  throw new ForbiddenError(
    actor.role === 'procurement_caseworker' ? 'A procurement caseworker may invite supplier HR contacts only' : 'Only an admin or a procurement caseworker may invite',
    { role },
  );
}

/** A supplier HR contact belongs to exactly one supplier; no other role belongs to any. */
function supplierOf(role: MunicipalityRole, supplierId: string | null): string | null {
  if (role === 'supplier_hr' && !supplierId) throw new InvalidInputError('supplierId is required when role is supplier_hr', { field: 'supplierId' });
  if (role !== 'supplier_hr' && supplierId) throw new InvalidInputError('supplierId is only for the role supplier_hr', { field: 'supplierId' });
  return supplierId;
}
