import { Module } from '@nestjs/common';
import { ProbeController } from './probe.controller';
import { ProbeService } from './probe.service';
import { RecordProbeEffectHandler } from './record-probe-effect.handler';

@Module({ controllers: [ProbeController], providers: [ProbeService] })
export class ProbeApiModule {}

@Module({ providers: [RecordProbeEffectHandler] })
export class ProbeWorkerModule {}
