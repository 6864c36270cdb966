import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface TestRelay {
  child: ChildProcess;
  port: number;
  /** Message-ID of every message the relay got in full, in order, duplicates included. */
  received: string[];
  /** How many conversations reached RCPT TO. */
  conversations(): number;
  stop(): void;
}

/** Starts the SMTP relay of smtp-relay.child.ts as a process of its own. */
export async function startTestRelay(env: { RELAY_HOLD_FIRST_RCPT_MS?: string; RELAY_HOLD_ACCEPT_MS?: string } = {}): Promise<TestRelay> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.resolve('test/support/smtp-relay.child.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const received: string[] = [];
  let rcpts = 0;
  let pending = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const ready = /^READY (\d+)$/.exec(line);
        if (ready) resolve(Number(ready[1]));
        if (line === 'RCPT') rcpts += 1;
        const mail = /^RECEIVED (.*)$/.exec(line);
        if (mail) received.push(mail[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the test relay exited with ${code}`)));
  });
  return { child, port, received, conversations: () => rcpts, stop: () => void child.kill('SIGTERM') };
}

/** How many copies beyond the first the relay got, over all messages. */
export function duplicatesIn(received: readonly string[]): number {
  return received.length - new Set(received).size;
}
