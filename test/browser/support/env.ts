/**
 * What global setup hands to the browser tests. Playwright's workers inherit the runner's
 * process.env, so setup sets these variables and every test reads them through browserEnv().
 */
export const BROWSER_ENV = {
  baseUrl: 'KLAUSUL_BROWSER_BASE_URL',
  adminEmail: 'KLAUSUL_BROWSER_ADMIN_EMAIL',
  adminPassword: 'KLAUSUL_BROWSER_ADMIN_PASSWORD',
  mailDir: 'KLAUSUL_BROWSER_MAIL_DIR',
  serverLog: 'KLAUSUL_BROWSER_SERVER_LOG',
} as const;

export interface BrowserEnv {
  /** The one Klausul API process of this run, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** The first admin of the bootstrap municipality (Odense Kommune). */
  admin: { email: string; password: string };
  /** Where the mail catcher writes every message it receives, one .eml file each. */
  mailDir: string;
  /** The server's log (LOG_LEVEL=warn), for a test that needs to look at it. */
  serverLog: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with \`npm run test:browser\` (its global setup starts the server)`);
  return value;
}

export function browserEnv(): BrowserEnv {
  return {
    baseUrl: required(BROWSER_ENV.baseUrl),
    admin: { email: required(BROWSER_ENV.adminEmail), password: required(BROWSER_ENV.adminPassword) },
    mailDir: required(BROWSER_ENV.mailDir),
    serverLog: required(BROWSER_ENV.serverLog),
  };
}
