import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ErrorThrottle } from './error-throttle';

/**
 * The Queue class @nestjs/bullmq constructs for every registered queue. It listens for
 * errors from the first moment (otherwise BullMQ prints raw errors to stderr) and turns
 * connection trouble into one structured warning per queue every 30 s.
 */
export class LoggedQueue extends Queue {
  private static readonly logger = new Logger('Queue');

  constructor(...args: ConstructorParameters<typeof Queue>) {
    super(...args);
    const throttle = new ErrorThrottle();
    this.on('error', (error: Error) => {
      const suppressed = throttle.admit();
      if (suppressed === null) return;
      LoggedQueue.logger.warn({ queue: this.name, suppressed, error: error.message }, `queue ${this.name} cannot reach its backend`);
    });
  }
}
