import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { ApiPageOf, type Page } from '@klausul/paging';
import { AccessLogEntryResponse, AccessLogQuery } from './access-log.dto';
import { AccessLogService } from './access-log.service';
import { CurrentActor } from './current-actor.decorator';
import { Roles } from './roles.decorator';

@ApiTags('audit')
@Roles('admin')
@Controller('audit')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get('access-log')
  @ApiOperation({ summary: "Who read which personal data, newest first (the admin's municipality only)" })
  @ApiPageOf(AccessLogEntryResponse)
  list(@CurrentActor() actor: Actor, @Query() query: AccessLogQuery): Promise<Page<AccessLogEntryResponse>> {
    return this.accessLog.list(actor, query);
  }
}
