import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as the signature covers it. */
  body: string;
  /** What the receiver answered. */
  status: number;
}

/**
 * A webhook receiver on 127.0.0.1 for tests: each path answers with the statuses it was
 * scripted with, in order, repeating the last one (200 when unscripted); `hang` never answers.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly scripts = new Map<string, (number | 'hang')[]>();
  private server?: Server;
  private hanging = new Set<() => void>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const script = this.scripts.get(path) ?? [200];
        const next = script.length > 1 ? script.shift()! : script[0];
        if (next === 'hang') {
          this.hanging.add(() => res.destroy());
          return;
        }
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status: next });
        res.writeHead(next, { 'Content-Type': 'text/plain' }).end(next < 300 ? 'ok' : 'nope');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  /** Sets what a path answers from now on. */
  script(path: string, statuses: (number | 'hang')[]): void {
    this.scripts.set(path, [...statuses]);
  }

  on(path: string): ReceivedWebhook[] {
    return this.received.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    for (const release of this.hanging) release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
