export * from './contract-history.service';
