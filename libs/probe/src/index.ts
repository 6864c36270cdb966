export * from './probe.module';
export * from './probe.service';
export * from './probe.workflow';
