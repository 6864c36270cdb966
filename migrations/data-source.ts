/**
 * Data source for the TypeORM CLI (`npm run migration:generate -- migrations/<Name>`).
 * Needs DATABASE_URL pointing at a database migrated to the current head.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@klausul/database';
import { WorkerHeartbeat } from '@klausul/heartbeat';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set to generate a migration');

export default new DataSource(dataSourceOptions({ url, applicationName: 'klausul-cli' }, [WorkerHeartbeat]));
