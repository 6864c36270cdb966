import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { FollowUpSettingsDto } from './follow-up-settings.dto';
import { FollowUpSettingsService } from './follow-up-settings.service';

/** The municipality's follow-up configuration (admins). */
@ApiTags('settings')
@Roles('admin')
@Controller('settings/follow-up')
export class FollowUpSettingsController {
  constructor(private readonly settings: FollowUpSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'When the monthly review run starts (default: 08:00 on the first working day, Copenhagen)' })
  get(@CurrentActor() actor: Actor): Promise<FollowUpSettingsDto> {
    return this.settings.get(actor);
  }

  @Put()
  @ApiOperation({ summary: "Set the monthly run's working day (1-10) and time (HH:MM, Copenhagen)" })
  update(@CurrentActor() actor: Actor, @Body() dto: FollowUpSettingsDto): Promise<FollowUpSettingsDto> {
    return this.settings.update(actor, dto);
  }
}
