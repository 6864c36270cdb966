import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from './identity.constants';

/** Requests that change nothing; every other method authenticated by the cookie needs the CSRF header. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-klausul-csrf';
export const CSRF_MESSAGE = `A change made with the session cookie needs the header ${CSRF_HEADER}: 1`;

type CsrfRequest = Pick<Request, 'method' | 'headers'> & { cookies?: unknown };

/** Whether the request carries the session cookie (which a browser attaches by itself, cross-site too). */
export function carriesSessionCookie(request: Pick<CsrfRequest, 'cookies'>): boolean {
  const cookie = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie !== '';
}

/**
 * The one CSRF rule: a state-changing request that the session cookie authenticates must
 * carry `X-Klausul-CSRF: 1`, which a cross-site form cannot set without a CORS preflight.
 */
export function breaksCsrfRule(request: CsrfRequest): boolean {
  return !SAFE_METHODS.has(request.method.toUpperCase()) && carriesSessionCookie(request) && request.headers[CSRF_HEADER] !== '1';
}

/**
 * The CSRF rule for every router of the process (Nest's and mounted Express routers such as
 * the queue dashboard), before any of them runs. `exempt` names the routes that take no
 * credential at all (sign-in, the suppliers' link), where a stray cookie authenticates nothing.
 * Needs cookie-parser in front of it.
 */
export function csrfMiddleware(exempt: (method: string, path: string) => boolean = () => false) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (breaksCsrfRule(req) && !exempt(req.method, req.path)) {
      res.status(403).type('application/json').json({ statusCode: 403, code: 'FORBIDDEN', message: CSRF_MESSAGE, details: { header: CSRF_HEADER } });
      return;
    }
    next();
  };
}
