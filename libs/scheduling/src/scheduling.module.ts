import { Global, Module } from '@nestjs/common';
import { FireDueTasksHandler } from './fire-due-tasks.handler';
import { TaskScheduler } from './task-scheduler';

/** Scheduling tasks for later (API and worker). */
@Global()
@Module({ providers: [TaskScheduler], exports: [TaskScheduler] })
export class SchedulingModule {}

/** Firing what is due (worker processes). */
@Module({ providers: [FireDueTasksHandler] })
export class SchedulingWorkerModule {}
