import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { newPassword } from './secret-token';

/** argon2id at the OWASP baseline: 64 MiB, 3 passes, 4 lanes, 32-byte hash, 16-byte salt. */
const PARAMETERS = { memorySize: 65_536, iterations: 3, parallelism: 4, hashLength: 32 };

// Runs in a worker thread: hashing takes ~0.2 s of CPU that must not stall the event loop.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { argon2id, argon2Verify } = require('hash-wasm');
parentPort.on('message', async (task) => {
  try {
    const result = task.op === 'hash'
      ? await argon2id({ ...task.parameters, password: task.password, salt: Buffer.from(task.salt, 'base64'), outputType: 'encoded' })
      : await argon2Verify({ password: task.password, hash: task.hash });
    parentPort.postMessage({ id: task.id, result });
  } catch (error) {
    parentPort.postMessage({ id: task.id, error: String(error && error.message) });
  }
});`;

/** The same hash on the calling thread, for scripts and tests that must not leave a thread behind. */
export async function hashPasswordOnThisThread(password: string): Promise<string> {
  const { argon2id } = await import('hash-wasm');
  return argon2id({ ...PARAMETERS, password, salt: randomBytes(16), outputType: 'encoded' });
}

type Task = { op: 'hash'; password: string; salt: string; parameters: typeof PARAMETERS } | { op: 'verify'; password: string; hash: string };

/**
 * Password hashing with argon2id (hash-wasm: WebAssembly, so no native build and a
 * newcomer needs nothing but Node; the native argon2 prebuild crashed on this platform),
 * in the standard `$argon2id$...` encoding.
 */
@Injectable()
export class PasswordHasher implements OnModuleDestroy {
  private worker?: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private decoy?: Promise<string>;

  hash(password: string): Promise<string> {
    return this.run({ op: 'hash', password, salt: randomBytes(16).toString('base64'), parameters: PARAMETERS }) as Promise<string>;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return (await this.run({ op: 'verify', password, hash })) === true;
    } catch {
      return false; // a malformed stored hash never lets anyone in
    }
  }

  /** Spends the time of a real verification, so an unknown e-mail answers as slowly as a wrong password. */
  async verifyDecoy(password: string): Promise<false> {
    this.decoy ??= this.hash(newPassword());
    await this.verify(await this.decoy, password);
    return false;
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private run(task: Task): Promise<unknown> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...task, id });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined) waiting?.reject(new Error(error));
      else waiting?.resolve(result);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      this.worker = undefined;
      this.failAll(new Error('the password hashing thread stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
