import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const BUILT_WORKER = path.resolve('dist/apps/worker/main.js');

/**
 * Runs the worker as a real separate process, so a test can kill it with SIGKILL and
 * start another: apps/worker/src/main.ts through ts-node, or, with `built` and after
 * `npm run build`, the bundle that production runs (benchmarks measure that one).
 */
export function startWorkerProcess(
  env: Record<string, string>,
  options: { built?: boolean } = {},
): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  let output = '';
  const args =
    options.built && existsSync(BUILT_WORKER)
      ? [BUILT_WORKER]
      : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', path.resolve('apps/worker/src/main.ts')];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}
