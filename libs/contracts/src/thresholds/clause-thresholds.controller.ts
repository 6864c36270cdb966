import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { UNIT_AND_ADMIN } from '../common/unit-roles';
import { ClauseThresholdDto, ClauseThresholdView } from './clause-threshold.dto';
import { ClauseThresholdService } from './clause-threshold.service';

@ApiTags('tenders')
@Controller('clause-thresholds')
export class ClauseThresholdsController {
  constructor(private readonly thresholds: ClauseThresholdService) {}

  @Get()
  @Roles(...UNIT_AND_ADMIN)
  @ApiOperation({ summary: 'The thresholds above which a new tender is flagged clauseRequired' })
  get(@CurrentActor() actor: Actor): Promise<ClauseThresholdView> {
    return this.thresholds.effective(actor.municipalityId);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: "Set the municipality's own thresholds (applies to tenders created from now on)" })
  set(@CurrentActor() actor: Actor, @Body() dto: ClauseThresholdDto): Promise<ClauseThresholdView> {
    return this.thresholds.set(actor, dto);
  }
}
