export * from './app-config';
export * from './config.module';
export { environmentSchema, type Environment } from './config.schema';
