import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@klausul/paging';
import { AUDIT_KINDS, type AuditEntry, type AuditKind } from '../engine/audit-trail.repository';

export class AuditQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Only entries before this time (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  before?: string;

  @ApiPropertyOptional({ enum: AUDIT_KINDS, description: 'change: workflow transitions only; read: reads of personal data only' })
  @IsOptional()
  @IsIn(AUDIT_KINDS, { message: `kind must be one of: ${AUDIT_KINDS.join(', ')}` })
  kind?: AuditKind;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this user's changes and reads" })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;
}

export class AuditActorView {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) apiKeyId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null for a read' }) role!: string | null;
}

export class AuditSubjectView {
  @ApiProperty({ description: 'The workflow of a change, or what kind of thing was read, e.g. candidate' }) type!: string;
  @ApiProperty() id!: string;
}

export class AuditEntryView implements AuditEntry {
  @ApiProperty({ enum: ['change', 'read'] }) kind!: AuditKind;
  @ApiProperty() at!: string;
  @ApiProperty({ type: AuditActorView }) actor!: AuditActorView;
  @ApiProperty({ type: AuditSubjectView }) subject!: AuditSubjectView;
  @ApiProperty({ description: 'The event of a change, or what was done in a read' }) action!: string;
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
}
