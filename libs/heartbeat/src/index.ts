export * from './heartbeat.module';
export * from './heartbeat.repository';
export * from './heartbeat.scheduler';
export * from './worker-heartbeat.entity';
