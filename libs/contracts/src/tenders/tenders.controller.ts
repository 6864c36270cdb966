import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import { IdParams } from '../common/id-params.dto';
import { UNIT_AND_ADMIN } from '../common/unit-roles';
import { CreateTenderDto, TenderListQuery, TenderSummary, TenderView } from './tender.dto';
import { AwardDto, DefineClauseDto, MeetingDto, ReasonDto, ScreeningDto, TenderEventDto } from './tender-event.dto';
import { TenderService } from './tender.service';

/** Phase 1 (market dialogue): the matchmaking unit and admins only. Each event is a named route. */
@ApiTags('tenders')
@Roles(...UNIT_AND_ADMIN)
@Controller('tenders')
export class TendersController {
  constructor(private readonly tenders: TenderService) {}

  @Post()
  @ApiOperation({ summary: 'Register a tender with its lots (state identified); flagged clauseRequired above the thresholds' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTenderDto): Promise<TenderView> {
    return this.tenders.create(actor, dto);
  }

  @Get()
  @ApiPageOf(TenderSummary)
  list(@CurrentActor() actor: Actor, @Query() query: TenderListQuery): Promise<Page<TenderSummary>> {
    return this.tenders.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParams): Promise<TenderView> {
    return this.tenders.get(actor, id);
  }

  @Post(':id/screening')
  @HttpCode(200)
  @ApiOperation({ summary: 'screen: record (or revise) the assessment of clause potential' })
  screen(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() dto: ScreeningDto): Promise<TenderView> {
    return this.tenders.screen(actor, id, dto);
  }

  @Post(':id/start-dialogue')
  @HttpCode(200)
  @ApiOperation({ summary: 'start-dialogue: screening -> market_dialogue' })
  startDialogue(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() dto: TenderEventDto): Promise<TenderView> {
    return this.tenders.startDialogue(actor, id, dto);
  }

  @Post(':id/meetings')
  @HttpCode(200)
  @ApiOperation({ summary: 'record-meeting: a dialogue meeting with a bidder' })
  recordMeeting(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() dto: MeetingDto): Promise<TenderView> {
    return this.tenders.recordMeeting(actor, id, dto);
  }

  @Post(':id/define-clause')
  @HttpCode(200)
  @ApiOperation({ summary: 'define-clause: one clause per lot or one for the whole tender; needs a meeting or noMeetingReason' })
  defineClause(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() dto: DefineClauseDto): Promise<TenderView> {
    return this.tenders.defineClause(actor, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() dto: TenderEventDto): Promise<TenderView> {
    return this.tenders.publish(actor, id, dto);
  }

  @Post(':id/award')
  @HttpCode(200)
  @ApiOperation({ summary: 'award: the winner of every lot; creates one contract per winner with its clauses' })
  award(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() dto: AwardDto): Promise<TenderView> {
    return this.tenders.award(actor, id, dto);
  }

  @Post(':id/hand-over')
  @HttpCode(200)
  @ApiOperation({ summary: 'hand-over: every contract enters matching (phase 2); schedules check-first-hire per contract' })
  handOver(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() dto: TenderEventDto): Promise<TenderView> {
    return this.tenders.handOver(actor, id, dto);
  }

  @Post(':id/not-suitable')
  @HttpCode(200)
  @ApiOperation({ summary: 'not-suitable: no clause potential (from screening or dialogue), with a reason' })
  notSuitable(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() dto: ReasonDto): Promise<TenderView> {
    return this.tenders.notSuitable(actor, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() dto: ReasonDto): Promise<TenderView> {
    return this.tenders.cancel(actor, id, dto);
  }
}
