export * from './api.module';
export * from './applications';
export * from './runtime';
export * from './worker.module';
