/**
 * Runs in a child process (see embedded-postgres.int-spec.ts): starts the embedded
 * PostgreSQL in the given directory and port, prints its URL, and waits to be killed,
 * or with `exit` as third argument leaves at once through process.exit() without stopping it.
 */
import pino from 'pino';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';

const [dataDir, port, mode] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir, port: Number(port), logger: pino({ level: 'silent' }) }).then(
  (running) => {
    process.stdout.write(`READY ${running.url}\n`);
    if (mode === 'exit') process.exit(0);
    setInterval(() => undefined, 60_000);
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
