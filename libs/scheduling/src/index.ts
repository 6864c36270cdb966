export * from './due-task.scheduler';
export * from './scheduling.module';
export * from './task-scheduler';
