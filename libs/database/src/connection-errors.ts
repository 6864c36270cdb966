/**
 * Whether an error means PostgreSQL could not be reached or went away (down, restarting,
 * shutting down, or no free connection within the wait), as opposed to a query that failed.
 * Callers answer such errors with 503 and Retry-After: the request may well succeed later.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some(
    (e) => UNAVAILABLE_CODE.test(codeOf(e)) || UNAVAILABLE_MESSAGE.test(messageOf(e)) || nameOf(e) === RELEASED_ON_CONNECTION_ERROR,
  );
}

// TypeORM releases a query runner whose connection reported an error; its next query fails with this.
const RELEASED_ON_CONNECTION_ERROR = 'QueryRunnerAlreadyReleasedError';

// Socket errors; 08xxx connection exceptions; 57P01-57P03 admin/crash shutdown and "cannot connect now"; 53300 too many connections.
const UNAVAILABLE_CODE =
  /^(ECONNREFUSED|ECONNRESET|ECONNABORTED|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|08[0-9A-Z]{3}|57P0[123]|53300)$/;

// node-postgres and its pool report a lost or unobtainable connection by message only.
const UNAVAILABLE_MESSAGE = new RegExp(
  [
    'timeout exceeded when trying to connect',
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'Connection terminated',
    'is not queryable',
    'Cannot use a pool after calling end on the pool',
    'the database system is (starting up|shutting down|in recovery mode)',
    'terminating connection due to administrator command',
  ].join('|'),
);

/** The error and what it wraps: TypeORM's driverError, an Error's cause, an AggregateError's errors. */
function causes(error: unknown, depth = 0): unknown[] {
  if (error === null || typeof error !== 'object' || depth > 4) return [];
  const e = error as { driverError?: unknown; cause?: unknown; errors?: unknown };
  return [
    error,
    ...causes(e.driverError, depth + 1),
    ...causes(e.cause, depth + 1),
    ...(Array.isArray(e.errors) ? e.errors.flatMap((inner) => causes(inner, depth + 1)) : []),
  ];
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function nameOf(error: unknown): string {
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : '';
}
