import { ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  GuardFailedError,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from '@klausul/domain';
import { isDatabaseUnavailable } from '@klausul/database';
import type { ErrorResponse } from './error-response';

/** Seconds a client should wait before trying again after a 503 (the embedded PostgreSQL restarts within a few). */
export const RETRY_AFTER_SECONDS = 5;

const STATUS_OF_DOMAIN_ERROR = new Map<Function, number>([
  [NotFoundError, HttpStatus.NOT_FOUND],
  [ConflictError, HttpStatus.CONFLICT],
  [InvalidTransitionError, HttpStatus.UNPROCESSABLE_ENTITY],
  [GuardFailedError, HttpStatus.UNPROCESSABLE_ENTITY],
  [ForbiddenError, HttpStatus.FORBIDDEN],
  [InvalidInputError, HttpStatus.BAD_REQUEST],
]);

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

/** Maps every error to `{ statusCode, code, message, details }`; no stack trace or SQL reaches a client. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toResponse(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      if (!(exception instanceof HttpException)) this.reportUnavailable(exception);
    } else if (body.statusCode >= 500) {
      this.logger.error({ error: describeForLog(exception) }, 'unhandled error');
    }
    // A route may have set another content type (e.g. a text/plain diagram) before it failed.
    response.status(body.statusCode).type('application/json').json(body);
  }

  toResponse(exception: unknown): ErrorResponse {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_OF_DOMAIN_ERROR.get(exception.constructor) ?? HttpStatus.BAD_REQUEST;
      return { statusCode, code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const fromBody = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const messages = fromBody.message;
      const code = typeof fromBody.code === 'string' ? fromBody.code : (CODE_OF_STATUS[statusCode] ?? 'ERROR');
      if (Array.isArray(messages)) {
        // class-validator: one message per offending field; name them all.
        return { statusCode, code: 'VALIDATION_FAILED', message: messages.join('; '), details: { errors: messages } };
      }
      const message = typeof messages === 'string' ? messages : exception.message;
      const details = typeof fromBody.details === 'object' ? (fromBody.details as Record<string, unknown>) : undefined;
      return { statusCode, code, message, ...(details ? { details } : {}) };
    }
    if (isBodyParserError(exception)) {
      return { statusCode: exception.status, code: CODE_OF_STATUS[exception.status] ?? 'BAD_REQUEST', message: 'The request body could not be read' };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'UNAVAILABLE',
        message: 'The database cannot be reached right now; try again shortly',
      };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; it has been logged' };
  }

  private lastUnavailableReportAt = 0;
  private unreportedUnavailable = 0;

  /** An outage fails every request; one warning per interval says so without flooding the log. */
  private reportUnavailable(exception: unknown): void {
    const now = Date.now();
    if (now - this.lastUnavailableReportAt < UNAVAILABLE_REPORT_INTERVAL_MS) {
      this.unreportedUnavailable += 1;
      return;
    }
    const { name, code } = describeForLog(exception);
    this.logger.warn({ error: { name, code }, suppressed: this.unreportedUnavailable }, 'database unavailable: answering 503');
    this.lastUnavailableReportAt = now;
    this.unreportedUnavailable = 0;
  }
}

const UNAVAILABLE_REPORT_INTERVAL_MS = 30_000;

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  const e = error as { status?: unknown; type?: unknown };
  return typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.type === 'string';
}

/**
 * What an unexpected error may put in the log: its kind, message and stack, never the
 * query parameters or PostgreSQL's detail (both can hold personal data).
 */
export function describeForLog(error: unknown): { name: string; message: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { name: typeof error, message: 'a non-Error value was thrown' };
  const driverError = (error as { driverError?: { code?: string } }).driverError;
  const isQuery = error.name === 'QueryFailedError';
  return {
    name: error.name,
    // A failed query's message is PostgreSQL's own sentence, which can quote values; keep only its code.
    message: isQuery ? 'database query failed' : error.message,
    ...(driverError?.code ? { code: driverError.code } : {}),
    stack: error.stack?.split('\n').slice(isQuery ? 1 : 0).join('\n'),
  };
}
