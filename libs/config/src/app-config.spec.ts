import { ConfigurationError, loadConfig } from './app-config';

function errorFor(env: NodeJS.ProcessEnv): ConfigurationError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfig', () => {
  it('runs everything embedded when no service URL is set', () => {
    const config = loadConfig({});
    expect(config.database.embedded).toBe(true);
    expect(config.queue.backend).toBe('postgres');
    expect(config.runWorkerInProcess).toBe(true);
    expect(config.http.port).toBe(3000);
    expect(config.dataDir).toBe('./.klausul');
  });

  it('uses Redis and separate worker processes when both URLs are set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db.internal/klausul', REDIS_URL: 'redis://cache:6379/2' });
    expect(config.database).toMatchObject({ embedded: false, url: 'postgres://db.internal/klausul' });
    expect(config.queue).toMatchObject({ backend: 'redis', redisUrl: 'redis://cache:6379/2' });
    expect(config.runWorkerInProcess).toBe(false);
  });

  it('has fault-recovery settings with defaults, and a heartbeat staleness of three intervals but at least 10 s', () => {
    const config = loadConfig({});
    expect(config.database.connectTimeoutMs).toBe(10_000);
    expect(config.mail.timeoutMs).toBe(30_000);
    expect(config.outbox).toMatchObject({ requeueIntervalMs: 60_000, requeueGraceMs: 120_000 });
    expect(config.jobSchedulesCheckIntervalMs).toBe(60_000);
    expect(config.heartbeatStaleAfterMs).toBe(180_000);
    expect(loadConfig({ HEARTBEAT_INTERVAL_MS: '500' }).heartbeatStaleAfterMs).toBe(10_000);
    expect(loadConfig({ HEARTBEAT_INTERVAL_MS: '500', HEARTBEAT_STALE_AFTER_MS: '2000' }).heartbeatStaleAfterMs).toBe(2_000);
    expect(errorFor({ SMTP_TIMEOUT_MS: '0' }).variable).toBe('SMTP_TIMEOUT_MS');
  });

  it('lets RUN_WORKER put the worker in the API process against an external database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', RUN_WORKER: 'true' }).runWorkerInProcess).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'whole number'],
    [{ PORT: '70000' }, 'PORT', 'whole number'],
    [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL', 'postgres://'],
    [{ DATABASE_URL: 'mysql://u:p@h/db' }, 'DATABASE_URL', 'postgres://'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL', 'redis://'],
    [{ RUN_WORKER: 'maybe' }, 'RUN_WORKER', ''],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', ''],
    [{ QUEUE_PREFIX: 'Has Spaces' }, 'QUEUE_PREFIX', 'lower-case'],
    [{ ADMIN_EMAIL: 'not-an-address' }, 'ADMIN_EMAIL', 'e-mail'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD', 'at least 12'],
    [{ BOOTSTRAP_MUNICIPALITY: '   ' }, 'BOOTSTRAP_MUNICIPALITY', 'blank'],
    [{ SESSION_TTL_HOURS: '0' }, 'SESSION_TTL_HOURS', 'hours'],
    [{ SESSION_TTL_HOURS: '1.5' }, 'SESSION_TTL_HOURS', 'hours'],
    [{ SESSION_TTL_HOURS: '1000' }, 'SESSION_TTL_HOURS', 'hours'],
  ])('rejects %j with one line naming %s', (env, variable, hint) => {
    const error = errorFor(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(error.message).toContain(hint);
    expect(error.message).not.toContain('\n');
  });

  it('bootstraps Odense Kommune with a generated admin password and 12-hour sessions by default', () => {
    expect(loadConfig({}).identity).toEqual({
      adminEmail: 'admin@klausul.local',
      adminPassword: undefined,
      bootstrapMunicipality: 'Odense Kommune',
      sessionTtlHours: 12,
    });
  });

  it('reads the first admin, the municipality and the session lifetime from the environment', () => {
    const config = loadConfig({
      ADMIN_EMAIL: 'Drift@Aarhus.DK',
      ADMIN_PASSWORD: 'correct horse battery staple',
      BOOTSTRAP_MUNICIPALITY: ' Aarhus Kommune ',
      SESSION_TTL_HOURS: '8',
    });
    expect(config.identity).toEqual({
      adminEmail: 'drift@aarhus.dk',
      adminPassword: 'correct horse battery staple',
      bootstrapMunicipality: 'Aarhus Kommune',
      sessionTtlHours: 8,
    });
  });

  it('#12.1: has no operator and a read-only queue dashboard unless configured', () => {
    expect(loadConfig({})).toMatchObject({ operator: { email: undefined, password: undefined }, queueDashboard: { writes: false } });
    expect(loadConfig({ OPERATOR_EMAIL: 'Drift@Klausul.DK', QUEUE_DASHBOARD_WRITES: 'true' })).toMatchObject({
      operator: { email: 'drift@klausul.dk', password: undefined },
      queueDashboard: { writes: true },
    });
  });

  it.each([
    [{ OPERATOR_EMAIL: 'nope' }, 'OPERATOR_EMAIL', 'e-mail'],
    [{ OPERATOR_EMAIL: 'drift@klausul.dk', OPERATOR_PASSWORD: 'short' }, 'OPERATOR_PASSWORD', 'at least 12'],
    [{ OPERATOR_PASSWORD: 'a long enough password' }, 'OPERATOR_PASSWORD', 'without OPERATOR_EMAIL'],
    [{ QUEUE_DASHBOARD_WRITES: 'yes' }, 'QUEUE_DASHBOARD_WRITES', ''],
  ])('refuses the operator setting %j', (env, variable, hint) => {
    const error = errorFor(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(hint);
    expect(error.message).not.toContain('a long enough password');
  });

  it('never echoes a rejected admin password', () => {
    expect(errorFor({ ADMIN_PASSWORD: 'tooshort42' }).message).not.toContain('tooshort42');
  });

  it('never echoes a rejected value, which may hold a password', () => {
    const error = errorFor({ DATABASE_URL: 'mysql://admin:s3cret@db/klausul' });
    expect(error.message).not.toContain('s3cret');
  });
});
