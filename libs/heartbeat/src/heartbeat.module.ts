import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HeartbeatRepository } from './heartbeat.repository';
import { HeartbeatScheduler } from './heartbeat.scheduler';
import { SystemProcessor } from './system.processor';
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

  /** Recording heartbeats: the system queue's processor and its scheduler (worker processes). */
  static forWorker(): DynamicModule {
    return {
      module: HeartbeatModule,
      imports: [TypeOrmModule.forFeature([WorkerHeartbeat])],
      providers: [HeartbeatRepository, SystemProcessor, HeartbeatScheduler],
      exports: [HeartbeatRepository],
    };
  }
}
