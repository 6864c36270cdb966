/** What global setup hands to every test file, through environment variables. */
export const TEST_ENV = {
  /** A URL of the test PostgreSQL server, database `postgres` or the configured one, for CREATE DATABASE. */
  adminUrl: 'KLAUSUL_TEST_ADMIN_URL',
  /** The migrated template database each test file clones. */
  templateDatabase: 'KLAUSUL_TEST_TEMPLATE_DB',
} as const;

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function requireTestEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: integration tests run through jest's global setup`);
  return value;
}
