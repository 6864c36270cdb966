import type { Request } from 'express';
import type { Actor } from '@klausul/domain';

/** A request the authentication guard has let through. */
export interface AuthenticatedRequest extends Request {
  actor?: Actor;
  /** Set when the actor signed in with a session (cookie or bearer), not with an API key. */
  sessionId?: string;
  /** Set with sessionId: the signed-in person's name (the web pages show it). */
  displayName?: string;
}
