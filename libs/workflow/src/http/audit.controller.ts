import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import { type AuditEntry, AuditTrailRepository } from '../engine/audit-trail.repository';
import { AuditEntryView, AuditQueryDto } from './audit.dto';

/** The municipality's audit trail for admins: every change and every read of personal data. */
@ApiTags('audit')
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailRepository) {}

  @Get()
  @ApiOperation({ summary: 'Changes (workflow transitions) and reads of personal data, newest first' })
  @ApiPageOf(AuditEntryView)
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.trail.page(actor, query);
  }
}
