import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HeartbeatRepository } from './heartbeat.repository';
import { RecordHeartbeatHandler } from './record-heartbeat.handler';
import { WorkerHeartbeat } from './worker-heartbeat.entity';

@Module({})
export class HeartbeatModule {
  /** Reading heartbeats (the API's readiness report). */
  static forReaders(): DynamicModule {
    return {
      module: HeartbeatModule,
      imports: [TypeOrmModule.forFeature([WorkerHeartbeat])],
      providers: [HeartbeatRepository],
      exports: [HeartbeatRepository],
    };
  }

  /** Recording heartbeats: the job handler (worker processes; the schedule is in libs/queue's job-schedules). */
  static forWorker(): DynamicModule {
    return {
      module: HeartbeatModule,
      imports: [TypeOrmModule.forFeature([WorkerHeartbeat])],
      providers: [HeartbeatRepository, RecordHeartbeatHandler],
      exports: [HeartbeatRepository],
    };
  }
}
