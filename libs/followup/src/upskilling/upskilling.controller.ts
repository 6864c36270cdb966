import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import {
  CompleteParticipantDto,
  CreateProgrammeDto,
  DropOutParticipantDto,
  EnrolParticipantDto,
  ParticipantListQuery,
  ParticipantView,
  ProgrammeListQuery,
  ProgrammeView,
  ProposeParticipantDto,
} from './upskilling.dto';
import { UpskillingService } from './upskilling.service';
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
  @ApiOperation({ summary: 'Programmes, a page at a time, with their partners and places left' })
  @ApiPageOf(ProgrammeView)
  list(@CurrentActor() actor: Actor, @Query() query: ProgrammeListQuery): Promise<Page<ProgrammeView>> {
    return this.upskilling.list(actor, query);
  }

  @Get('programmes/:id')
  @Roles(...UPSKILLING_ROLES)
  @ApiOperation({ summary: 'A programme; its participants are GET programmes/:id/participants' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ProgrammeView> {
    return this.upskilling.get(actor, id);
  }

  @Get('programmes/:id/participants')
  @Roles(...UPSKILLING_ROLES)
  @ApiOperation({ summary: "A programme's participants, a page at a time; filter by state (each read is written to the access log)" })
  @ApiPageOf(ParticipantView)
  participants(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: ParticipantListQuery): Promise<Page<ParticipantView>> {
    return this.upskilling.participants(actor, id, query);
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
