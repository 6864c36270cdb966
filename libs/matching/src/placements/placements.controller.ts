import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ChangeHoursDto, EndPlacementDto, type PlacementView } from './placement.dto';
import { PlacementService } from './placement.service';
import { placementWorkflow } from './placement.workflow';

/** Placements (ansættelser): hires under a clause, with their hours and their end. */
@ApiTags('placements')
@Controller('placements')
export class PlacementsController {
  constructor(private readonly placements: PlacementService) {}

  @Get(':id')
  @Roles(...placementWorkflow.readRoles)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PlacementView> {
    return this.placements.get(actor, id);
  }

  @Post(':id/change-hours')
  @HttpCode(200)
  @Roles(...placementWorkflow.table.events.change_hours.roles)
  @ApiOperation({ summary: 'Record new weekly hours from a date (the history is kept)' })
  changeHours(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ChangeHoursDto): Promise<PlacementView> {
    return this.placements.fire(actor, id, 'change_hours', { ...dto });
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles(...placementWorkflow.table.events.end.roles)
  @ApiOperation({ summary: 'End the placement with a date and a reason' })
  end(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: EndPlacementDto): Promise<PlacementView> {
    return this.placements.fire(actor, id, 'end', { ...dto });
  }
}
