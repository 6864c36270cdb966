import type { DataSourceOptions, MixedList } from 'typeorm';
import { migrations } from '@klausul/migrations';

export interface DatabaseConnection {
  url: string;
  poolSize?: number;
  applicationName?: string;
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
    connectTimeoutMS: 10_000,
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    logging: false,
  };
}
