import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import { ChannelTestView, CreateJobcenterChannelDto, JobcenterChannelListQuery, JobcenterChannelView, MatchingSettingsDto } from './jobcenter-channel.dto';
import { JobcenterChannelService } from './jobcenter-channel.service';

/** The municipality's matching configuration (admins). */
@ApiTags('settings')
@Roles('admin')
@Controller()
export class JobcenterChannelsController {
  constructor(private readonly channels: JobcenterChannelService) {}

  @Get('jobcenter-channels')
  @ApiOperation({ summary: 'The channels forwarded job descriptions go to, a page at a time (active=false: the removed ones)' })
  @ApiPageOf(JobcenterChannelView)
  list(@CurrentActor() actor: Actor, @Query() query: JobcenterChannelListQuery): Promise<Page<JobcenterChannelView>> {
    return this.channels.list(actor, query);
  }

  @Post('jobcenter-channels')
  @ApiOperation({ summary: 'Add an e-mail address or a signed webhook that receives forwarded job descriptions' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateJobcenterChannelDto): Promise<JobcenterChannelView> {
    return this.channels.create(actor, dto);
  }

  @Delete('jobcenter-channels/:id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.channels.deactivate(actor, id);
  }

  @Post('jobcenter-channels/:id/test')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a test message to an active channel (an e-mail, or the webhook event channel.test); the message log shows its delivery' })
  @ApiAcceptedResponse({ type: ChannelTestView })
  @ApiNotFoundResponse({ description: 'No active channel with this id in the municipality' })
  sendTest(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ChannelTestView> {
    return this.channels.sendTest(actor, id);
  }

  @Get('settings/matching')
  settings(@CurrentActor() actor: Actor): Promise<MatchingSettingsDto> {
    return this.channels.settings(actor);
  }

  @Put('settings/matching')
  @ApiOperation({ summary: 'Set the candidate deadline in working days (default 10) and the retention of citizens\' data' })
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: MatchingSettingsDto): Promise<MatchingSettingsDto> {
    return this.channels.updateSettings(actor, dto);
  }
}
