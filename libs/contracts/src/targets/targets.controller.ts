import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { UNIT_AND_ADMIN } from '../common/unit-roles';
import { SetTargetsDto, TargetsView, YearParams } from './target.dto';
import { TargetsService } from './targets.service';

@ApiTags('targets')
@Roles(...UNIT_AND_ADMIN)
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get(':year')
  @ApiOperation({ summary: "The year's targets (måltal) and progress toward them" })
  get(@CurrentActor() actor: Actor, @Param() { year }: YearParams): Promise<TargetsView> {
    return this.targets.get(actor, year);
  }

  @Put(':year')
  @ApiOperation({ summary: "Set the year's targets; an omitted target is cleared" })
  set(@CurrentActor() actor: Actor, @Param() { year }: YearParams, @Body() dto: SetTargetsDto): Promise<TargetsView> {
    return this.targets.set(actor, year, dto);
  }
}
