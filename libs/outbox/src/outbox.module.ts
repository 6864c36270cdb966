import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerRegistry } from '@klausul/queue';
import { JobRunner } from './job-runner';
import { JobSchedulesRegistrar } from './job-schedules.registrar';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxRequeueSweep } from './outbox-requeue.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxWriter } from './outbox.writer';
import { queueProcessors } from './queue-processors';

/** Writing outbox rows and requeueing failed ones (API and worker). */
@Global()
@Module({
  providers: [OutboxWriter, OutboxRepository],
  exports: [OutboxWriter, OutboxRepository],
})
export class OutboxModule {}

/** The relay, the queue processors and the job handler registry (worker processes). */
@Module({
  imports: [DiscoveryModule, OutboxModule],
  providers: [JobHandlerRegistry, JobRunner, OutboxRelay, OutboxRequeueSweep, JobSchedulesRegistrar, ...Object.values(queueProcessors)],
  exports: [OutboxRelay, OutboxRequeueSweep, JobSchedulesRegistrar],
})
export class OutboxWorkerModule {}
