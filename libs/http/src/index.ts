export * from './error-response';
export * from './http-exception.filter';
export * from './input-hygiene.pipe';
export * from './json-depth';
export * from './weekly-hours.decorator';
