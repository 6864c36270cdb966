export * from './root-logger';
export * from './logging.module';
