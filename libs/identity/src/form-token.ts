import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { AppConfig } from '@klausul/config';
import { SESSION_COOKIE } from './identity.constants';
import { sessionCookieOptions } from './session-cookie';

/** The hidden form field every web form posts its token in. */
export const FORM_TOKEN_FIELD = '_csrf';
/** Before sign-in a form is bound to this random cookie instead of the session (login, password reset, the signed monthly link). */
export const FORM_COOKIE = 'klausul_form';

/**
 * The synchronizer token of a web form: a keyed digest of what the browser holds and a
 * cross-site page cannot read (the session token, or the pre-sign-in form cookie). Another
 * session's token never matches, and the token reveals nothing of the session it is bound to.
 */
export function formTokenOf(binding: string): string {
  return createHmac('sha256', 'klausul web form').update(binding).digest('base64url');
}

function cookieOf(request: Pick<Request, 'cookies'>, name: string): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What the request's forms are bound to: the session cookie when signed in, else the form cookie. */
export function formBinding(request: Pick<Request, 'cookies'>): string | undefined {
  return cookieOf(request, SESSION_COOKIE) ?? cookieOf(request, FORM_COOKIE);
}

/** The token to put in the page's forms; sets the form cookie first when the browser has neither cookie. */
export function issueFormToken(request: Request, response: Response, config: Pick<AppConfig, 'env'>): string {
  let binding = formBinding(request);
  if (!binding) {
    binding = randomBytes(24).toString('base64url');
    response.cookie(FORM_COOKIE, binding, sessionCookieOptions(config));
    (request.cookies as Record<string, string>)[FORM_COOKIE] = binding;
  }
  return formTokenOf(binding);
}

/** Whether a posted token is the one of this browser's session (or form cookie). */
export function formTokenMatches(request: Pick<Request, 'cookies'>, posted: unknown): boolean {
  const binding = formBinding(request);
  if (!binding || typeof posted !== 'string' || posted === '') return false;
  const expected = Buffer.from(formTokenOf(binding));
  const given = Buffer.from(posted);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
