export * from './calendar-date';
export * from './clause-compliance';
export * from './placement-counting';
export * from './contract-compliance';
