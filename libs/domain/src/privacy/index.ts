export * from './cpr-number';
