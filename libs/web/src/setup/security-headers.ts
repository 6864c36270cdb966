import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** Swagger and the queue dashboard load inline scripts and styles: a looser policy on their own paths only. */
const TOOL_PATHS = ['/api/docs', '/admin/queues'];

const isToolPath = (path: string) => TOOL_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`));

const strict = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
  },
});

const tools = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-inline'"],
    styleSrc: ["'self'", "'unsafe-inline'", 'https:'],
    imgSrc: ["'self'", 'data:', 'https:'],
    fontSrc: ["'self'", 'https:', 'data:'],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
  },
});

/**
 * Content-Security-Policy for every response: the strict policy (scripts and styles only
 * from Klausul's own origin, no inline script, never framed) everywhere but the two tools.
 */
export function contentSecurityPolicy() {
  return (req: Request, res: Response, next: NextFunction): void => (isToolPath(req.path) ? tools : strict)(req, res, next);
}
