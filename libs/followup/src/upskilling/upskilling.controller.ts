import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { CompleteParticipantDto, CreateProgrammeDto, DropOutParticipantDto, EnrolParticipantDto, ProposeParticipantDto } from './upskilling.dto';
import { type ParticipantView, type ProgrammeView, UpskillingService } from './upskilling.service';
import { UPSKILLING_ROLES } from './upskilling-participant.workflow';

/** Upskilling programmes (opkvalificeringsforløb), for the matchmaking unit only. */
@ApiTags('upskilling')
@Controller('upskilling')
export class UpskillingController {
  constructor(private readonly upskilling: UpskillingService) {}

  @Post('programmes')
  @Roles(...UPSKILLING_ROLES)
  @ApiOperation({ summary: 'Create a programme: capacity, maximum duration, partner suppliers, optional contract' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto): Promise<ProgrammeView> {
    return this.upskilling.create(actor, dto);
  }

  @Get('programmes')
  @Roles(...UPSKILLING_ROLES)
  list(@CurrentActor() actor: Actor): Promise<ProgrammeView[]> {
    return this.upskilling.list(actor);
  }

  @Get('programmes/:id')
  @Roles(...UPSKILLING_ROLES)
  @ApiOperation({ summary: 'A programme with its participants (written to the access log)' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ProgrammeView> {
    return this.upskilling.get(actor, id);
  }

  @Post('programmes/:id/participants')
  @Roles(...UPSKILLING_ROLES)
  @ApiOperation({ summary: 'Enrol a participant (422 when the programme is full; no CPR number)' })
  enrol(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: EnrolParticipantDto): Promise<ParticipantView> {
    return this.upskilling.enrol(actor, id, dto);
  }

  @Post('participants/:id/complete')
  @HttpCode(200)
  @Roles(...UPSKILLING_ROLES)
  @ApiOperation({ summary: 'Complete the programme with an outcome (practicum, job, education, other)' })
  complete(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CompleteParticipantDto): Promise<ParticipantView> {
    return this.upskilling.fire(actor, id, 'complete', dto);
  }

  @Post('participants/:id/drop-out')
  @HttpCode(200)
  @Roles(...UPSKILLING_ROLES)
  dropOut(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DropOutParticipantDto): Promise<ParticipantView> {
    return this.upskilling.fire(actor, id, 'drop_out', dto);
  }

  @Post('participants/:id/propose')
  @Roles(...UPSKILLING_ROLES)
  @ApiOperation({ summary: 'Propose a completed participant as a candidate on a job order (the candidate keeps the link)' })
  propose(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ProposeParticipantDto) {
    return this.upskilling.propose(actor, id, dto);
  }
}
