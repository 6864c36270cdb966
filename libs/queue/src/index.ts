export * from './job-catalog';
export * from './logged-worker-host';
export * from './queue-backend';
export * from './queue.module';
