import { Processor } from '@nestjs/bullmq';
import { Inject, Logger, type Type } from '@nestjs/common';
import type { Job } from 'bullmq';
import { LoggedWorkerHost, QueueName, workerSettings } from '@klausul/queue';
import { JobRunner } from './job-runner';

/** A queue's worker: hands every job to the runner, which finds its handler by name. */
abstract class DispatchingProcessor extends LoggedWorkerHost {
  // @Inject: the subclasses declare no constructor, so no type metadata names the runner.
  constructor(@Inject(JobRunner) private readonly runner: JobRunner) {
    super();
  }

  process(job: Job, token?: string): Promise<void> {
    return this.runner.run(job, token);
  }
}

@Processor(QueueName.System, workerSettings)
export class SystemQueueProcessor extends DispatchingProcessor {
  protected readonly logger = new Logger(SystemQueueProcessor.name);
}

@Processor(QueueName.Workflow, workerSettings)
export class WorkflowQueueProcessor extends DispatchingProcessor {
  protected readonly logger = new Logger(WorkflowQueueProcessor.name);
}

@Processor(QueueName.Messages, workerSettings)
export class MessagesQueueProcessor extends DispatchingProcessor {
  protected readonly logger = new Logger(MessagesQueueProcessor.name);
}

/** One processor per queue; a Record so a new queue without a processor does not compile. */
export const queueProcessors: Record<QueueName, Type<DispatchingProcessor>> = {
  [QueueName.System]: SystemQueueProcessor,
  [QueueName.Workflow]: WorkflowQueueProcessor,
  [QueueName.Messages]: MessagesQueueProcessor,
};
