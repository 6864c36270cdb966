export * from './job-runner';
export * from './outbox-relay.service';
export * from './outbox.module';
export * from './outbox.repository';
export * from './outbox.writer';
export * from './outbox-requeue.service';
