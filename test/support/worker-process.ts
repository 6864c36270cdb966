import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs apps/worker/src/main.ts as a real separate process (through ts-node), so a test
 * can kill it with SIGKILL and start another.
 */
export function startWorkerProcess(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  let output = '';
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', path.resolve('apps/worker/src/main.ts')],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}
