import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { AccessLogPage, AccessLogQuery } from './access-log.dto';
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
  @ApiOkResponse({ type: AccessLogPage })
  list(@CurrentActor() actor: Actor, @Query() query: AccessLogQuery): Promise<AccessLogPage> {
    return this.accessLog.list(actor, query);
  }
}
