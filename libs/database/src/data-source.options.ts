import type { DataSourceOptions, MixedList } from 'typeorm';
import { migrations } from '@klausul/migrations';

export interface DatabaseConnection {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** How long a query waits for a pool slot or a new connection before it fails (then answered 503). */
  connectTimeoutMs?: number;
}

/** The one place TypeORM is configured. The schema only ever changes through migrations. */
export function dataSourceOptions(
  connection: DatabaseConnection,
  entities: MixedList<Function> = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url: connection.url,
    applicationName: connection.applicationName ?? 'klausul',
    poolSize: connection.poolSize ?? 10,
    // pg's pool applies this to waiting for a free slot too, so an exhausted pool sheds instead of queueing forever.
    connectTimeoutMS: connection.connectTimeoutMs ?? 10_000,
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    logging: false,
  };
}
