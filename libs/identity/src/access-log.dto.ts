import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { AccessLogEntry } from './access-log-entry.entity';

export class AccessLogQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number between 1 and 200' })
  @Min(1, { message: 'limit must be a whole number between 1 and 200' })
  @Max(200, { message: 'limit must be a whole number between 1 and 200' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextBefore of the previous page' })
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

export class AccessLogPage {
  @ApiProperty({ type: [AccessLogEntryResponse] })
  items!: AccessLogEntryResponse[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `before` for the next (older) page; null on the last page' })
  nextBefore!: string | null;
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
