import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { redisConnectionOptions } from './queue-backend';

/** Redis evicting keys would silently drop jobs; warn the operator at start if it may. */
@Injectable()
export class RedisPolicyCheck implements OnModuleInit {
  private readonly logger = new Logger(RedisPolicyCheck.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.queue.backend !== 'redis') return;
    const redis = new Redis({
      ...redisConnectionOptions(this.config.queue.redisUrl!),
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined); // reported below, once
    try {
      await redis.connect();
      const info = await redis.info('memory');
      const policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
      if (policy !== 'noeviction') {
        this.logger.warn(`Redis maxmemory-policy is "${policy ?? 'unknown'}"; set it to "noeviction" or queued jobs can be lost`);
      }
    } catch (error) {
      this.logger.warn(`could not read Redis maxmemory-policy: ${(error as Error).message}`);
    } finally {
      redis.disconnect();
    }
  }
}
