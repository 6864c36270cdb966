import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { type JobHandler, JOB_HANDLER_METADATA } from './job-handler';
import { jobNames, type JobName } from './job-catalog';

/** Raised at start when the catalog and the handlers disagree: the worker refuses to run. */
export class JobHandlerMismatchError extends Error {}

/**
 * Finds every @HandlesJob provider. Each job name of the catalog must have exactly one
 * handler, and no handler may claim a name outside the catalog.
 */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const name = this.reflector.get<string | undefined>(JOB_HANDLER_METADATA, wrapper.metatype as Function);
      if (!name) continue;
      found.set(name, [...(found.get(name) ?? []), wrapper.name as string]);
      this.handlers.set(name as JobName, wrapper.instance as JobHandler<JobName>);
    }
    checkHandlers(found);
  }

  get<N extends JobName>(name: N): JobHandler<N> {
    const handler = this.handlers.get(name);
    if (!handler) throw new JobHandlerMismatchError(`no handler for job ${name}`);
    return handler as unknown as JobHandler<N>;
  }
}

/** Pure check, unit-tested: names to the handler classes that claim them. */
export function checkHandlers(found: ReadonlyMap<string, string[]>): void {
  const problems: string[] = [];
  for (const name of jobNames) {
    const claimed = found.get(name) ?? [];
    if (claimed.length === 0) problems.push(`job ${name} has no handler`);
    if (claimed.length > 1) problems.push(`job ${name} has ${claimed.length} handlers (${claimed.join(', ')})`);
  }
  for (const name of found.keys()) {
    if (!(jobNames as string[]).includes(name)) problems.push(`handler for unknown job ${name}`);
  }
  if (problems.length) throw new JobHandlerMismatchError(`the worker cannot start: ${problems.join('; ')}`);
}
