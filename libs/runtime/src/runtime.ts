import type { Logger } from 'pino';
import { ConfigurationError, loadConfig, withDatabaseUrl, type AppConfig } from '@klausul/config';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '@klausul/database';
import type { Clock } from '@klausul/domain';
import { createRootLogger } from '@klausul/logging';

/** What a process needs before Nest starts: validated config, a logger, a database. */
export interface Runtime {
  config: AppConfig;
  logger: Logger;
  embeddedDatabase?: RunningEmbeddedPostgres;
  /** The time source; the system clock unless a test injects one. */
  clock?: Clock;
}

/**
 * Validates configuration (a bad value ends the process with one line naming the
 * variable) and, with no DATABASE_URL, starts the embedded PostgreSQL.
 */
export async function prepareRuntime(
  env: NodeJS.ProcessEnv = process.env,
  options: { allowEmbeddedDatabase: boolean } = { allowEmbeddedDatabase: true },
): Promise<Runtime> {
  let config: AppConfig;
  try {
    config = loadConfig(env, process.stdout.isTTY);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  if (config.database.embedded && !options.allowEmbeddedDatabase) {
    process.stderr.write('Invalid configuration: DATABASE_URL is required to run the worker as its own process (`npm start` runs API and worker together)\n');
    process.exit(78);
  }
  const logger = createRootLogger(config);
  if (!config.database.embedded) return { config, logger };

  const embeddedDatabase = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.database.embeddedPort,
    logger,
  });
  logger.info({ dataDir: config.dataDir, port: config.database.embeddedPort }, 'embedded PostgreSQL is running');
  return { config: withDatabaseUrl(config, embeddedDatabase.url), logger, embeddedDatabase };
}

/**
 * Stops the process cleanly on SIGTERM/SIGINT: close Nest (HTTP server stops taking
 * requests, workers finish or hand back their jobs, queues and pools close), then stop
 * the embedded PostgreSQL, then exit 0. Nest's enableShutdownHooks() is not used: it
 * re-raises the signal after closing, which would make the exit code 143.
 */
export function stopOnSignals(runtime: Runtime, close: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      runtime.logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, runtime.config.shutdownTimeoutMs);
    forced.unref();
    let exitCode = 0;
    try {
      await close();
    } catch (error) {
      exitCode = 1;
      runtime.logger.error({ err: error }, 'error while closing the application');
    }
    try {
      await runtime.embeddedDatabase?.stop();
    } catch (error) {
      exitCode = 1;
      runtime.logger.error({ err: error }, 'error while stopping the embedded PostgreSQL');
    }
    runtime.logger.info('stopped');
    runtime.logger.flush();
    process.exit(exitCode);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Startup failed after the database started: stop it so no orphan keeps the data dir locked. */
export async function failStartup(runtime: Runtime | undefined, error: unknown): Promise<never> {
  const message = error instanceof Error ? error.message : String(error);
  if (runtime) runtime.logger.fatal({ err: error }, `startup failed: ${message}`);
  else process.stderr.write(`startup failed: ${message}\n`);
  await runtime?.embeddedDatabase?.stop().catch(() => undefined);
  process.exit(1);
}
