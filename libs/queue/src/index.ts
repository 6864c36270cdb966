export * from './job-catalog';
export * from './job-handler';
export * from './job-handler.registry';
export * from './job-schedules';
export * from './logged-worker-host';
export * from './queue-backend';
export * from './queue.module';
