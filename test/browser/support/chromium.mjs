// Plain JavaScript (with chromium.d.mts beside it), because two loaders share it: the
// Playwright config (TypeScript) and scripts/run-tests.mjs (Node, before Playwright starts).
import { existsSync } from 'node:fs';

/** Debian's package (`apt-get install -y chromium`), which matches @playwright/test 1.64. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const NO_CHROMIUM =
  'No Chromium for the browser tests: run `apt-get install -y chromium` (Debian), or set CHROMIUM_PATH to a Chromium executable';

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, then Debian's, then Playwright's own
 * download (`playwrightOwn`, passed in because each caller loads playwright-core its own way).
 * @param {NodeJS.ProcessEnv} env
 * @param {() => string | undefined} playwrightOwn
 */
export function findChromium(env, playwrightOwn) {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    return existsSync(configured)
      ? { path: configured, from: 'CHROMIUM_PATH' }
      : { problem: `CHROMIUM_PATH=${configured} does not exist: run \`apt-get install -y chromium\` or point CHROMIUM_PATH at a Chromium executable` };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, from: 'debian' };
  let own;
  try {
    own = playwrightOwn();
  } catch {
    own = undefined; // playwright-core not installed, or no browser registry for this platform
  }
  if (own && existsSync(own)) return { path: own, from: 'playwright' };
  return { problem: NO_CHROMIUM };
}
