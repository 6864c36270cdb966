import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Actor, ForbiddenError, MUNICIPALITY_ROLES, OPERATOR_ROLE, type Role } from '@klausul/domain';
import type { AuthenticatedRequest } from './authenticated-request';
import { type Credential, CredentialService } from './credential.service';
import { breaksCsrfRule, CSRF_HEADER, CSRF_MESSAGE } from './csrf';
import { API_KEY_HEADER, SESSION_COOKIE } from './identity.constants';
import { IS_PUBLIC_KEY } from './public.decorator';
import { WEB_FORM_KEY } from './web-form.decorator';
import { ROLES_KEY } from './roles.decorator';
import { unauthenticated } from './unauthenticated';

/** Probes and the API documentation answer without credentials. */
const OPEN_PATH_PREFIXES = ['/health', '/api/docs'];

export function isOpenPath(path: string): boolean {
  return OPEN_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`));
}

/**
 * The global guard: every route needs an actor unless it is @Public() or an open path.
 * Credentials, in order: the session cookie, `Authorization: Bearer <session token>`,
 * `X-API-Key`. The first one present decides; then @Roles() is enforced. A route without
 * @Roles() is open to every municipality role, never to the installation's operator.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Only HTTP exists today; anything else is refused until it gets its own authentication.
    if (context.getType() !== 'http') return false;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (isOpenPath(request.path)) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) {
      // A public web page still shows who is signed in (the header's name and sign-out).
      if (this.reflector.getAllAndOverride<boolean>(WEB_FORM_KEY, targets)) await this.resolveQuietly(request);
      return true;
    }

    const credential = readCredential(request);
    if (!credential) throw unauthenticated('Sign in first: send the session cookie, a bearer token or an X-API-Key header');
    // Also enforced in front of every router (csrfMiddleware); kept here so the API never depends on the mount order.
    // Web pages' forms prove themselves with a synchronizer token instead (libs/web's form CSRF middleware).
    const webForm = this.reflector.getAllAndOverride<boolean>(WEB_FORM_KEY, targets);
    if (credential.fromCookie && !webForm && breaksCsrfRule(request)) throw new ForbiddenError(CSRF_MESSAGE, { header: CSRF_HEADER });
    const authentication = await this.credentials.authenticate(credential);
    if (!authentication) {
      throw unauthenticated(
        credential.kind === 'session'
          ? 'The session has expired or was ended; sign in again'
          : 'The API key is not valid or was revoked',
      );
    }
    request.actor = authentication.actor;
    request.sessionId = authentication.sessionId;
    request.displayName = authentication.displayName;

    assertRoleAllowed(authentication.actor, this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets));
    return true;
  }

  /** The session behind a cookie, if it is valid; nothing is refused. */
  private async resolveQuietly(request: AuthenticatedRequest): Promise<void> {
    const credential = readCredential(request);
    if (credential?.kind !== 'session' || !credential.fromCookie) return;
    const authentication = await this.credentials.authenticate(credential);
    if (!authentication) return;
    request.actor = authentication.actor;
    request.sessionId = authentication.sessionId;
    request.displayName = authentication.displayName;
  }
}

function assertRoleAllowed(actor: Actor, listed: readonly Role[] | undefined): void {
  const roles = listed?.length ? listed : MUNICIPALITY_ROLES;
  if (roles.includes(actor.role)) return;
  if (actor.role === OPERATOR_ROLE) {
    throw new ForbiddenError("The operator runs the installation (queue dashboard, health) and has no access to a municipality's data", {
      requiredRoles: roles,
    });
  }
  throw new ForbiddenError(`Only ${roles.join(' or ')} may do this`, { requiredRoles: roles });
}

/** The credential a request carries, if any (also used by the queue dashboard's middleware). */
export function readCredential(request: Pick<AuthenticatedRequest, 'cookies' | 'headers'>): Credential | null {
  const cookies = request.cookies as Record<string, unknown> | undefined;
  const cookie = cookies?.[SESSION_COOKIE];
  if (typeof cookie === 'string' && cookie !== '') return { kind: 'session', token: cookie, fromCookie: true };
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (bearer) return { kind: 'session', token: bearer[1] };
  const key = request.headers[API_KEY_HEADER];
  if (typeof key === 'string' && key !== '') return { kind: 'apiKey', key };
  return null;
}
