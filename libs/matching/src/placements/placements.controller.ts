import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, MATCHMAKING_UNIT } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import { ChangeHoursDto, ContractIdParams, ContractPlacementView, EndPlacementDto, PlacementListQuery, type PlacementView } from './placement.dto';
import { PlacementService } from './placement.service';
import { placementWorkflow } from './placement.workflow';

/** Placements (ansættelser): hires under a clause, with their hours and their end. */
@ApiTags('placements')
@Controller()
export class PlacementsController {
  constructor(private readonly placements: PlacementService) {}

  @Get('contracts/:id/placements')
  @Roles('admin', ...MATCHMAKING_UNIT, 'supplier_hr')
  @ApiOperation({ summary: "A contract's placements, a page at a time, with the person's name and job title; filter by state (the unit, and the contract's own supplier)" })
  @ApiPageOf(ContractPlacementView)
  listOfContract(@CurrentActor() actor: Actor, @Param() { id }: ContractIdParams, @Query() query: PlacementListQuery): Promise<Page<ContractPlacementView>> {
    return this.placements.listOfContract(actor, id, query);
  }

  @Get('placements/:id')
  @Roles(...placementWorkflow.readRoles)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PlacementView> {
    return this.placements.get(actor, id);
  }

  @Post('placements/:id/change-hours')
  @HttpCode(200)
  @Roles(...placementWorkflow.table.events.change_hours.roles)
  @ApiOperation({ summary: 'Record new weekly hours from a date (the history is kept)' })
  changeHours(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ChangeHoursDto): Promise<PlacementView> {
    return this.placements.fire(actor, id, 'change_hours', { ...dto });
  }

  @Post('placements/:id/end')
  @HttpCode(200)
  @Roles(...placementWorkflow.table.events.end.roles)
  @ApiOperation({ summary: 'End the placement with a date and a reason' })
  end(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: EndPlacementDto): Promise<PlacementView> {
    return this.placements.fire(actor, id, 'end', { ...dto });
  }
}
