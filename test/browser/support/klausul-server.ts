import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

export function lastLines(file: string, count = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '(no server log)';
  }
}

export interface KlausulServer {
  child: ChildProcess;
  baseUrl: string;
  log: string;
}

/**
 * Starts the built API bundle (`node dist/apps/api/main.js`, as `npm start` does) with the
 * given environment, its output in `log`, and waits until GET /health/ready answers 200.
 */
export async function startKlausulServer(env: NodeJS.ProcessEnv, port: number, log: string): Promise<KlausulServer> {
  const out = openSync(log, 'a', 0o600);
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/apps/api/main.js')], { cwd: REPO_ROOT, env, stdio: ['ignore', out, out] });
  const baseUrl = `http://127.0.0.1:${port}`;
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = signal ?? String(code)));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited !== undefined) throw new Error(`the Klausul server exited (${exited}) before it was ready; its log ${log} ends:\n${lastLines(log)}`);
    try {
      const res = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return { child, baseUrl, log };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the Klausul server was not ready within ${READY_TIMEOUT_MS / 1000} s; its log ${log} ends:\n${lastLines(log)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** SIGTERM (the server closes Nest and its embedded PostgreSQL), then SIGKILL if it takes too long. */
export async function stopKlausulServer(child: ChildProcess): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
