import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@klausul/paging';
import type { AccessLogEntry } from './access-log-entry.entity';

export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only entries older than the entry with this id' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'before must be an entry id (a positive whole number)' })
  before?: string;
}

export class AccessLogEntryResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  at!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  actorUserId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  actorApiKeyId!: string | null;

  @ApiProperty({ example: 'read' })
  action!: string;

  @ApiProperty({ example: 'candidate' })
  subjectType!: string;

  @ApiProperty()
  subjectId!: string;
}

export function toAccessLogEntryResponse(entry: AccessLogEntry): AccessLogEntryResponse {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorUserId: entry.actorUserId,
    actorApiKeyId: entry.actorApiKeyId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
  };
}
