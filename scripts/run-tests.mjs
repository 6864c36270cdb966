#!/usr/bin/env node
// `npm test`: jest (unit and integration), then, if it passed, the browser tests (Playwright).
//   npm test                          jest, then the browser tests
//   npm test -- <jest arguments>      jest only, when an argument limits the run (files, --selectProjects, -t ...)
//   npm test -- --browser [args]      the browser tests only; the other arguments go to `playwright test`
// The exit code is the first failure's.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../test/browser/support/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Jest flags that change how the whole suite runs, not which tests: with only these the browser tests run too.
const WHOLE_SUITE_FLAGS = /^(--ci|--verbose|--silent|--runInBand|-i|--detectOpenHandles|--forceExit|--no-cache|--colors|--logHeapUsage|--maxWorkers(=\S+)?|-w(=\S+)?)$/;

function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 + ({ SIGINT: 2, SIGTERM: 15 }[signal] ?? 1) : 1));
    });
  });
}

function jest(args) {
  return run(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', ...args]);
}

async function playwright(args) {
  const found = findChromium(process.env, () => require('playwright-core').chromium.executablePath());
  if ('problem' in found) {
    process.stderr.write(`${found.problem}\n`);
    return 1;
  }
  return run(process.execPath, [require.resolve('@playwright/test/cli'), 'test', ...args], { ...process.env, CHROMIUM_PATH: found.path });
}

const args = process.argv.slice(2);
let code;
if (args.includes('--browser')) {
  code = await playwright(args.filter((a) => a !== '--browser'));
} else {
  code = await jest(args);
  const limited = args.some((a) => !WHOLE_SUITE_FLAGS.test(a));
  if (code === 0 && !limited) code = await playwright([]);
}
process.exit(code);
