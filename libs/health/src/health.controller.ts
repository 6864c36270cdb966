import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { Clock } from '@klausul/domain';
import { HeartbeatRepository, workerFreshness } from '@klausul/heartbeat';
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
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: PostgreSQL and the queue backend are reachable (503 otherwise)',
    description:
      'With both reachable the answer is 200. Its `status` is `ok`, or `degraded` when the last worker heartbeat is older ' +
      'than HEARTBEAT_STALE_AFTER_MS (no worker runs jobs: side effects wait), shown in `details.worker`. Degraded stays 200 ' +
      'because the API itself still serves; a monitor should alert on it.',
  })
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
    // A stale heartbeat degrades readiness without failing it: the API still serves, only background work waits.
    // None at all is not degraded, as the API may start before any worker.
    const heartbeat = await this.heartbeats.latest();
    const worker = workerFreshness(heartbeat?.lastBeatAt ?? null, this.clock.now(), this.config.heartbeatStaleAfterMs);
    return {
      ...result,
      status: worker.status === 'stale' ? ('degraded' as const) : result.status,
      details: { ...result.details, worker },
      lastWorkerHeartbeatAt: heartbeat?.lastBeatAt.toISOString() ?? null,
    };
  }
}
