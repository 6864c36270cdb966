import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { clientAddress } from './client-address';
import { RateLimitRepository } from './rate-limit.repository';
import { digestOf } from './secret-token';

/** Sign-in attempts allowed per client address and e-mail address per window; then blocked for a window. */
export const LOGIN_ATTEMPTS_PER_WINDOW = 10;
export const LOGIN_WINDOW_MS = 60_000;

/**
 * Rate-limits sign-in per client address and e-mail address, so guessing one account's
 * password is slow while other people behind the same address can still sign in.
 * On the login route only. Same semantics and headers as @nestjs/throttler's guard,
 * which cannot be loaded under jest on Node 20 (it is CommonJS requiring Nest 12's
 * ES modules); the counters live in PostgreSQL so every API process shares them.
 */
@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  constructor(private readonly windows: RateLimitRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const body = request.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    const key = digestOf(`login|${clientAddress(request.ip)}|${email}`).toString('hex');

    const state = await this.windows.hit(key, LOGIN_WINDOW_MS, LOGIN_ATTEMPTS_PER_WINDOW, LOGIN_WINDOW_MS);
    if (state.isBlocked) {
      response.setHeader('Retry-After', state.timeToBlockExpire);
      throw new HttpException(
        {
          code: 'TOO_MANY_REQUESTS',
          message: `Too many sign-in attempts for this e-mail address; try again in ${state.timeToBlockExpire} seconds`,
          details: { retryAfterSeconds: state.timeToBlockExpire },
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    response.setHeader('X-RateLimit-Limit', LOGIN_ATTEMPTS_PER_WINDOW);
    response.setHeader('X-RateLimit-Remaining', Math.max(0, LOGIN_ATTEMPTS_PER_WINDOW - state.totalHits));
    response.setHeader('X-RateLimit-Reset', state.timeToExpire);
    return true;
  }
}
