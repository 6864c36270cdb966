import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SMTPServer } from 'smtp-server';

/** Header the catcher puts in front of each message: the SMTP envelope's recipients (Bcc included). */
export const ENVELOPE_TO_HEADER = 'X-Klausul-Envelope-To';

/** `<received epoch ms, 15 digits>-<sequence>.eml`: names sort in arrival order and carry the arrival time. */
export const MAIL_FILE = /^(\d{15})-(\d{6})\.eml$/;

export interface MailCatcher {
  port: number;
  stop(): Promise<void>;
}

/**
 * A real SMTP server for the browser run: Klausul sends through a genuine SMTP conversation
 * and every message lands in `dir` as an .eml file, written under a temporary name and
 * renamed when complete so a reader never sees half a message.
 */
export async function startMailCatcher(dir: string): Promise<MailCatcher> {
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      sequence += 1;
      const name = `${String(Date.now()).padStart(15, '0')}-${String(sequence).padStart(6, '0')}.eml`;
      const partial = path.join(dir, `.${name}.part`);
      const out = createWriteStream(partial, { mode: 0o600 });
      const recipients = session.envelope.rcptTo.map((r) => r.address).join(', ');
      out.write(`${ENVELOPE_TO_HEADER}: ${recipients}\r\n`);
      pipeline(stream, out)
        .then(() => rename(partial, path.join(dir, name)))
        .then(() => callback())
        .catch((error: Error) => callback(error));
    },
  });
  // A sender that goes away mid-conversation (a server stopped at teardown) is reported as an 'error'.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as { port: number }).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
