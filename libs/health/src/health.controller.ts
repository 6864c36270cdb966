import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { HeartbeatRepository } from '@klausul/heartbeat';
import { QueueName } from '@klausul/queue';

const CHECK_TIMEOUT_MS = 3_000;

/** Liveness and readiness probes for load balancers, orchestrators and operators. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly heartbeats: HeartbeatRepository,
    @InjectQueue(QueueName.System) private readonly systemQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: PostgreSQL and the queue backend are reachable (503 otherwise)' })
  async ready() {
    const result = await this.health.check([
      () => this.database.pingCheck('database').withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('queue')
          .attempt(async () => {
            await this.systemQueue.getJobCounts('waiting');
            return { backend: this.config.queue.backend };
          })
          .withTimeout(CHECK_TIMEOUT_MS),
    ]);
    // Informational: a missing heartbeat does not fail readiness, as the API may start before any worker.
    const heartbeat = await this.heartbeats.latest();
    return { ...result, lastWorkerHeartbeatAt: heartbeat?.lastBeatAt.toISOString() ?? null };
  }
}
