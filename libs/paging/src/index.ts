export * from './api-page.decorator';
export * from './cursor';
export * from './keyset';
export * from './page-query.dto';
export * from './query-boolean';
export * from './serial-keyset';
export * from './sort';
export * from './sort-value';
