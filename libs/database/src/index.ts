export * from './data-source.options';
export * from './database.module';
export * from './embedded-postgres';
export * from './migration-runner';
export * from './connection-errors';
export * from './embedded-postgres.supervisor';
