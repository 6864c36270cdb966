export * from './actor';
export * from './clause-fulfilment';
export * from './domain-errors';
export * from './clock';
export * from './counting';
export * from './calendar';
export * from './privacy';
export * from './ids';
