import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  messageId: string | undefined;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | undefined;
}

/**
 * A real SMTP server in the process, for the embedded default and the tests: Klausul's
 * mail goes through a genuine SMTP conversation, and lands here instead of in inboxes.
 */
export class SmtpCatcher {
  readonly received: CaughtMail[] = [];
  private server?: SMTPServer;
  private listeningPort = 0;

  get port(): number {
    return this.listeningPort;
  }

  async start(port = 0): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
            this.received.push({
              messageId: mail.messageId,
              from: mail.from?.text ?? '',
              to: to.flatMap((address) => address.value.map((v) => v.address ?? '')),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : undefined,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
    // A client that goes away mid-conversation (a killed worker, an aborted send) is
    // reported as an 'error'; unheard, it would end the whole process.
    server.on('error', () => undefined);
    this.server = server;
    this.listeningPort = (server.server.address() as { port: number }).port;
    return this.listeningPort;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
