/**
 * `npm run migration:run`: applies pending migrations to DATABASE_URL, or to the
 * embedded PostgreSQL under KLAUSUL_DATA_DIR when no DATABASE_URL is set.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigurationError, loadConfig } from '@klausul/config';
import { createRootLogger } from '@klausul/logging';
import { dataSourceOptions } from './data-source.options';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from './embedded-postgres';
import { runMigrationsLocked } from './migration-runner';

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.stdout.isTTY);
  const logger = createRootLogger(config);
  let embedded: RunningEmbeddedPostgres | undefined;
  if (!config.database.url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.database.embeddedPort, logger, supervise: false });
  }
  const dataSource = await new DataSource(
    dataSourceOptions({ url: config.database.url ?? embedded!.url, applicationName: 'klausul-migrate' }),
  ).initialize();
  try {
    const applied = await runMigrationsLocked(dataSource);
    logger.info({ applied }, applied.length ? 'migrations applied' : 'schema is up to date');
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigurationError ? error.message : String(error)}\n`);
  process.exit(1);
});
