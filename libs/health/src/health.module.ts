import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HeartbeatModule } from '@klausul/heartbeat';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), HeartbeatModule.forReaders()],
  controllers: [HealthController],
})
export class HealthModule {}
