import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { CreateProbeDto, ProbeEventDto, ProbeEventParams, type ProbeView } from './probe.dto';
import { ProbeService } from './probe.service';

/** The engine self-test for operators (admins only). */
@ApiTags('probes')
@Roles('admin')
@Controller('probes')
export class ProbeController {
  constructor(private readonly probes: ProbeService) {}

  @Post()
  @ApiOperation({ summary: 'Create a probe (state open)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProbeDto): Promise<ProbeView> {
    return this.probes.create(actor, dto.failPermanently);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ProbeView> {
    return this.probes.get(actor, id);
  }

  @Post(':id/events/:event')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fire ping, reset, close (needs a reason) or reopen; ping queues a side effect' })
  fire(@CurrentActor() actor: Actor, @Param() params: ProbeEventParams, @Body() dto: ProbeEventDto): Promise<ProbeView> {
    return this.probes.fire(actor, params.id, params.event, dto);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Requeue the failed side effects of a probe' })
  retry(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ProbeView> {
    return this.probes.retry(actor, id);
  }
}
