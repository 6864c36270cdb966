/**
 * Runs in a child process (see smtp-relay.ts): a real SMTP relay of its own, as a relay on
 * another machine would be, so how fast it answers does not depend on the test process.
 * Prints `READY <port>`, `RCPT` when a conversation has reached the recipient, and
 * `RECEIVED <Message-ID>` once a message is in full at the relay (it is then the relay's
 * copy, whether or not the sender lives to read the "250 OK").
 * RELAY_HOLD_FIRST_RCPT_MS holds the answer to the first conversation's RCPT TO (a sender
 * stuck before its message went out); RELAY_HOLD_ACCEPT_MS holds every "250 OK" after a
 * message is in (a slow relay): ways to catch a sender in the middle of a conversation.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const holdFirstRcptMs = Number(process.env.RELAY_HOLD_FIRST_RCPT_MS ?? 0);
let conversations = 0;
const holdAcceptMs = Number(process.env.RELAY_HOLD_ACCEPT_MS ?? 0);
const later = (ms: number, then: () => void) => (ms > 0 ? setTimeout(then, ms) : then());

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo: (_address, _session, callback) => {
    process.stdout.write('RCPT\n');
    conversations += 1;
    later(conversations === 1 ? holdFirstRcptMs : 0, () => callback());
  },
  onData: (stream, _session, callback) => {
    simpleParser(stream)
      .then((mail) => {
        process.stdout.write(`RECEIVED ${mail.messageId ?? ''}\n`);
        later(holdAcceptMs, () => callback());
      })
      .catch((error: Error) => callback(error));
  },
});
server.on('error', () => undefined); // a sender killed mid-conversation
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${(server.server.address() as { port: number }).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
