import pino, { type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from '@klausul/config';

/** Paths whose values never reach a log line: credentials, tokens and personal data. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.email',
  '*.name',
  '*.cpr',
  '*.phone',
  '*.cv',
  '*.databaseUrl',
  '*.redisUrl',
  // A path parameter named token is a credential (the signed monthly link, invitations, password resets).
  'req.params.token',
];

/** Path segments that are credentials themselves: the signed monthly link, invitations, password resets. */
const SECRET_PATH = /(\/|%2F)(confirm|invitation|reset-password|review-links)(\/|%2F)[^/?#&%]+/gi;

/** A request URL fit for a log line: the token of a link that is its own credential becomes [redacted]. */
export function maskSecretPaths(url: string): string {
  return url.replace(SECRET_PATH, (_match, before: string, page: string, slash: string) => `${before}${page}${slash}[redacted]`);
}

export function loggerOptions(config: Pick<AppConfig, 'log'>): LoggerOptions {
  return {
    level: config.log.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'klausul' },
    ...(config.log.format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
}

/** One pino instance per process, shared by bootstrap code and Nest's logger. */
export function createRootLogger(config: Pick<AppConfig, 'log'>): Logger {
  return pino(loggerOptions(config));
}

/** Removes user and password from a connection URL so it can be logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username) parsed.username = '***';
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable url]';
  }
}
