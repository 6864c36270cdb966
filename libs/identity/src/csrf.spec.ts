import type { Request, Response } from 'express';
import { breaksCsrfRule, CSRF_HEADER, csrfMiddleware } from './csrf';
import { SESSION_COOKIE } from './identity.constants';

const request = (method: string, options: { cookie?: boolean; header?: string; path?: string } = {}) =>
  ({
    method,
    path: options.path ?? '/admin/queues/api/queues/system/pause',
    cookies: options.cookie ? { [SESSION_COOKIE]: 'a-session-token' } : {},
    headers: options.header === undefined ? {} : { [CSRF_HEADER]: options.header },
  }) as unknown as Request;

describe('the CSRF rule', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'put'])('refuses %s with the session cookie and no header', (method) => {
    expect(breaksCsrfRule(request(method, { cookie: true }))).toBe(true);
    expect(breaksCsrfRule(request(method, { cookie: true, header: '0' }))).toBe(true);
  });

  it.each([
    ['GET with the cookie', request('GET', { cookie: true })],
    ['HEAD with the cookie', request('HEAD', { cookie: true })],
    ['PUT with the cookie and the header', request('PUT', { cookie: true, header: '1' })],
    ['PUT without the cookie (a bearer token or API key cannot be sent by a cross-site form)', request('PUT')],
  ])('lets through %s', (_name, req) => {
    expect(breaksCsrfRule(req)).toBe(false);
  });

  it('answers 403 in the one error shape, whichever router would have handled the request, except on credential-free routes', () => {
    const sent: { status?: number; body?: unknown } = {};
    const res = {
      status(code: number) { sent.status = code; return this; },
      type() { return this; },
      json(body: unknown) { sent.body = body; return this; },
    } as unknown as Response;
    let calls = 0;
    const next = () => void calls++;
    const middleware = csrfMiddleware((method, path) => method === 'POST' && path === '/api/v1/auth/login');

    middleware(request('PUT', { cookie: true }), res, next);
    expect(calls).toBe(0);
    expect(sent).toEqual({ status: 403, body: expect.objectContaining({ statusCode: 403, code: 'FORBIDDEN', details: { header: CSRF_HEADER } }) });

    middleware(request('POST', { cookie: true, path: '/api/v1/auth/login' }), res, next);
    expect(calls).toBe(1);
  });
});
