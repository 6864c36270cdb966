import type { Logger } from 'pino';

export interface SupervisorOptions {
  /** How often the server's process is checked (default 1 s). */
  checkEveryMs?: number;
  /** Delay before the first restart; each failed restart doubles it (default 500 ms, at most maxRestartDelayMs). */
  firstRestartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** Restarts tried in a row before giving up (default 6, about a minute with the defaults). */
  maxAttempts?: number;
  /**
   * Called when the server cannot be restarted. Default: log a fatal line naming what
   * happened and exit 1, so a process manager (systemd, Docker, Kubernetes) starts Klausul again.
   */
  onGiveUp?: (error: Error) => void;
}

interface Supervised {
  /** The server's process is gone without a clean shutdown (its pid file is left behind). */
  died(): Promise<boolean>;
  restart(): Promise<void>;
}

/**
 * Keeps the embedded PostgreSQL running: when its process dies (killed, out of memory,
 * crashed), it is started again on the same data directory and port, with backoff, so
 * the connection URL stays valid and the pools reconnect by themselves. Meanwhile the API
 * answers 503 with Retry-After. After maxAttempts failed restarts it gives up. A server
 * that shut down cleanly (a terminal's Ctrl-C reaches it too) is left stopped.
 */
export class EmbeddedPostgresSupervisor {
  private timer?: NodeJS.Timeout;
  private recovering?: Promise<void>;
  private stopped = false;
  private readonly checkEveryMs: number;
  private readonly firstRestartDelayMs: number;
  private readonly maxRestartDelayMs: number;
  private readonly maxAttempts: number;
  private readonly onGiveUp: (error: Error) => void;

  constructor(
    private readonly server: Supervised,
    private readonly log: Logger,
    options: SupervisorOptions = {},
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 1_000;
    this.firstRestartDelayMs = options.firstRestartDelayMs ?? 500;
    this.maxRestartDelayMs = options.maxRestartDelayMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.onGiveUp = options.onGiveUp ?? ((error) => exitForProcessManager(log, error));
  }

  start(): void {
    this.timer = setInterval(() => void this.check(), this.checkEveryMs);
    this.timer.unref();
  }

  /** Stops watching; waits for a restart under way, so the caller can then stop the server itself. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.recovering?.catch(() => undefined);
  }

  private async check(): Promise<void> {
    if (this.stopped || this.recovering || !(await this.server.died())) return;
    if (this.stopped) return;
    this.recovering = this.recover().finally(() => (this.recovering = undefined));
  }

  private async recover(): Promise<void> {
    this.log.error('the embedded PostgreSQL stopped unexpectedly; restarting it (requests get 503 meanwhile)');
    let delay = this.firstRestartDelayMs;
    let lastError = new Error('not started');
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      await sleep(delay);
      if (this.stopped) return;
      try {
        await this.server.restart();
        this.log.warn({ attempt }, 'the embedded PostgreSQL is running again');
        return;
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        this.log.warn({ attempt, error: lastError.message, nextInMs: Math.min(delay * 2, this.maxRestartDelayMs) }, 'restarting the embedded PostgreSQL failed');
        delay = Math.min(delay * 2, this.maxRestartDelayMs);
      }
    }
    if (!this.stopped) this.onGiveUp(lastError);
  }
}

function exitForProcessManager(log: Logger, error: Error): void {
  const message =
    `The embedded PostgreSQL stopped and could not be restarted (${error.message}). ` +
    'Klausul exits with code 1 so that its process manager can start it again; check the disk and the data directory, then run npm start.';
  log.fatal(message);
  log.flush?.();
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
