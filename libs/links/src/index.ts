export * from './link-builder';
export * from './links.module';
export * from './page-paths';
