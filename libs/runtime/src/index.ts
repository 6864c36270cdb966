export * from './api.module';
export * from './applications';
export * from './runtime';
export * from './worker.module';
export { webRouteExclusions as webRoutes } from './csrf-exemptions';
