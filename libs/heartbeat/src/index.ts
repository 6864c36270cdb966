export * from './heartbeat.module';
export * from './heartbeat.repository';
export * from './worker-heartbeat.entity';
export * from './heartbeat-freshness';
