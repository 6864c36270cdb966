import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { describeForLog, HttpExceptionFilter, RETRY_AFTER_SECONDS } from '@klausul/http';
import { renderStatusPage, type StatusPage } from './status-page';

/** Paths answered in JSON (the REST API, probes, the tools); every other path is a page. */
const JSON_PATH_PREFIXES = ['/api', '/health', '/admin/queues'];

export function isPagePath(path: string): boolean {
  return !JSON_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The request's path as the browser sent it (Express's `req.path` is relative to a mounted router). */
export function requestPath(req: Pick<Request, 'originalUrl'>): string {
  return req.originalUrl.split('?')[0];
}

/** The last handler of the process: a path no router knows is the not-found page (or JSON under /api). */
export function notFoundPage() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!isPagePath(requestPath(req)) || res.headersSent) return next();
    renderStatusPage(req, res, 404, 'notFound');
  };
}

const PAGE_OF_STATUS: Record<number, StatusPage> = { 400: 'badRequest', 403: 'forbidden', 404: 'notFound', 429: 'tooMany', 503: 'unavailable' };

/**
 * The one exception filter of the process: the REST API's JSON errors for API paths, and
 * for pages an error page in the person's language — or, when sign-in is missing, the
 * login page with the address to come back to.
 */
@Catch()
export class PageAwareExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');

  constructor(private readonly api = new HttpExceptionFilter()) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (!isPagePath(requestPath(req))) return this.api.catch(exception, host);
    if (res.headersSent) return;
    const { statusCode } = this.api.toResponse(exception);
    if (statusCode === 401) {
      const back = req.method === 'GET' ? req.originalUrl : req.path;
      res.redirect(303, `/login?next=${encodeURIComponent(back)}`);
      return;
    }
    if (statusCode === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (statusCode >= 500 && statusCode !== 503) {
      // As the REST filter logs it: a failed query's message quotes values, so only its code.
      this.logger.error({ error: describeForLog(exception), path: req.route?.path }, 'page failed');
    }
    const page = PAGE_OF_STATUS[statusCode] ?? (statusCode >= 500 ? 'error' : 'badRequest');
    try {
      renderStatusPage(req, res, statusCode, page);
    } catch (renderError) {
      this.logger.error({ error: String(renderError) }, 'error page failed');
      if (!res.headersSent) res.status(statusCode).type('text/plain').send(String(statusCode));
    }
  }
}
