export * from './job-catalog';
export * from './queue-backend';
export * from './queue.module';
