export * from './scheduling.module';
export * from './task-scheduler';
