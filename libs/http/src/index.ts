export * from './error-response';
export * from './http-exception.filter';
