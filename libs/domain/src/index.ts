export * from './clause-fulfilment';
