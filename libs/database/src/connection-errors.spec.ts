import { isDatabaseUnavailable } from './connection-errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
/** How TypeORM wraps a driver error. */
const queryFailed = (driverError: Error) =>
  Object.assign(new Error('database query failed'), { name: 'QueryFailedError', driverError, code: (driverError as { code?: string }).code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:54329')],
    ['connection reset', withCode('ECONNRESET', 'read ECONNRESET')],
    ['happy-eyeballs AggregateError', Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), { code: 'ECONNREFUSED' })],
    ['pool wait exceeded', new Error('timeout exceeded when trying to connect')],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['admin shutdown 57P01', queryFailed(withCode('57P01', 'terminating connection due to administrator command'))],
    ['crash shutdown 57P02', queryFailed(withCode('57P02'))],
    ['cannot connect now 57P03', withCode('57P03', 'the database system is starting up')],
    ['connection exception 08006', queryFailed(withCode('08006'))],
    ['connection does not exist 08003', withCode('08003')],
    ['too many connections 53300', withCode('53300')],
    ['a broken client', new Error('Client has encountered a connection error and is not queryable')],
    ['wrapped as a cause', new Error('load failed', { cause: withCode('ECONNREFUSED') })],
    ['a query runner TypeORM released when its connection failed', Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerAlreadyReleasedError' })],
  ])('%s: yes', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', queryFailed(withCode('23505', 'duplicate key value violates unique constraint'))],
    ['invalid text', queryFailed(withCode('22021'))],
    ['a syntax error', queryFailed(withCode('42601'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('%s: no', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
