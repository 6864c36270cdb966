import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@klausul/config';
import { dataSourceOptions } from './data-source.options';
import { runMigrationsLocked } from './migration-runner';

/**
 * TypeORM on PostgreSQL. The data source is only handed out after pending migrations
 * have run, so no provider ever sees an old schema.
 */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, applicationName: string): DynamicModule {
    const url = config.database.url;
    if (!url) throw new Error('DatabaseModule needs a database URL; the runtime starts the embedded PostgreSQL first');
    const logger = new Logger(DatabaseModule.name);
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions({
              url,
              poolSize: config.database.poolSize,
              connectTimeoutMs: config.database.connectTimeoutMs,
              applicationName,
            }),
            autoLoadEntities: true,
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            const applied = await runMigrationsLocked(dataSource);
            if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`);
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
