import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Actor } from '@klausul/domain';
import { InvalidInputError } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page, PageQuery } from '@klausul/paging';
import { DashboardContractView } from './follow-up-compliance.dto';
import { FollowUpComplianceService } from './follow-up-compliance.service';

const UNIT = ['admin', 'procurement_caseworker', 'employment_caseworker'] as const;
const PERIOD = /^(20\d{2}|2100)-(0[1-9]|1[0-2])$/;

class SeriesQueryDto {
  @ApiPropertyOptional({ example: '2025-03' })
  @IsOptional()
  @Matches(PERIOD, { message: 'from must be a month (YYYY-MM)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-02' })
  @IsOptional()
  @Matches(PERIOD, { message: 'to must be a month (YYYY-MM)' })
  to?: string;
}

@ApiTags('reviews')
@Controller()
export class FollowUpComplianceController {
  constructor(private readonly compliance: FollowUpComplianceService) {}

  @Get('contracts/:id/compliance-series')
  @Roles(...UNIT)
  @ApiOperation({ summary: 'Required vs actual hires and hours at the end of each month, with on_track / at_risk / breached' })
  series(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: SeriesQueryDto) {
    if (query.from && query.to && query.from > query.to) throw new InvalidInputError('from must not be after to');
    return this.compliance.series(actor, id, query.from, query.to);
  }

  @Get('contracts/:id/retention')
  @Roles(...UNIT)
  @ApiOperation({ summary: 'Placements continuously employed at 3, 6 and 12 months' })
  retention(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.compliance.retention(actor, id);
  }

  @Get('follow-up/dashboard/:year')
  @Roles(...UNIT)
  @ApiOperation({ summary: "The municipality's contracts in a year against its targets (måltal)" })
  dashboard(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number) {
    return this.compliance.dashboard(actor, checkedYear(year));
  }

  @Get('follow-up/dashboard/:year/contracts')
  @Roles(...UNIT)
  @ApiOperation({ summary: "The dashboard's contracts, a page at a time, each counted on the dashboard's date" })
  @ApiPageOf(DashboardContractView)
  dashboardContracts(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number, @Query() query: PageQuery): Promise<Page<DashboardContractView>> {
    return this.compliance.dashboardContracts(actor, checkedYear(year), query);
  }
}

function checkedYear(year: number): number {
  if (year < 2000 || year > 2100) throw new InvalidInputError('year must be between 2000 and 2100', { fields: ['year'] });
  return year;
}
