import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@klausul/domain';
import type { AuthenticatedRequest } from './authenticated-request';
import { unauthenticated } from './unauthenticated';

/** The Actor the authentication guard resolved for this request. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  // Only reachable on a @Public() route, where no actor was resolved.
  if (!actor) throw unauthenticated('Sign in first');
  return actor;
});

/** The id of the session that authenticated this request; undefined for an API key. */
export const CurrentSessionId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().sessionId,
);
