import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isEmail, IsIn, IsInt, IsOptional, IsString, isURL, Length, Max, Min, ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import { IsQueryBoolean, PageQuery, type SortColumns, sortValues } from '@klausul/paging';

/**
 * The address fits the channel's kind: an e-mail address for an email channel, an http(s) URL
 * for a webhook. (Two conditional decorators on one property would skip both when either condition fails.)
 */
function IsChannelAddress() {
  return ValidateBy({
    name: 'isChannelAddress',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        if (typeof value !== 'string') return false;
        const kind = (args?.object as { kind?: unknown } | undefined)?.kind;
        return kind === 'webhook' ? isURL(value, { require_tld: false, protocols: ['http', 'https'], require_protocol: true }) : isEmail(value);
      },
      defaultMessage: () => 'address must be an e-mail address for an email channel, or an http(s) URL for a webhook channel',
    },
  });
}

export class CreateJobcenterChannelDto {
  @ApiProperty({ enum: ['email', 'webhook'] })
  @IsIn(['email', 'webhook'])
  kind!: 'email' | 'webhook';

  @ApiProperty({ example: 'Jobcenter Odense, virksomhedsservice' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: 'An e-mail address (email) or an https URL (webhook)' })
  @IsString()
  @Length(1, 2000)
  @IsChannelAddress()
  address!: string;

  @ApiPropertyOptional({ description: 'Webhook only: the shared secret the signature is made with (16+ characters)' })
  @ValidateIf((dto: CreateJobcenterChannelDto) => dto.kind === 'webhook')
  @IsString()
  @Length(16, 200, { message: 'secret must be 16-200 characters for a webhook channel' })
  secret?: string;
}

export class MatchingSettingsDto {
  @ApiProperty({ description: 'Working days the jobcenter has to propose candidates after a forward', example: 10 })
  @IsInt()
  @Min(1)
  @Max(60)
  candidateWorkingDays!: number;

  @ApiPropertyOptional({ description: "Months a not-hired candidate's data is kept after the job order closed (1-36; null: the default)", nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  retentionUnsuccessfulMonths?: number | null;

  @ApiPropertyOptional({ description: "Months a hired person's data is kept after the contract ended (1-120; null: the default)", nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  retentionPlacementMonths?: number | null;
}

export class JobcenterChannelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['email', 'webhook'] }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The e-mail address, or the webhook URL' }) address!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;
}

/** How the channel list sorts (keyset columns; each has an index ending in (column, id)). */
export const CHANNEL_SORTS = {
  createdAt: { sql: 'c.created_at', type: 'timestamptz' },
} as const satisfies SortColumns;

export class JobcenterChannelListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(CHANNEL_SORTS), default: 'createdAt' })
  @IsOptional()
  @IsIn(sortValues(CHANNEL_SORTS), { message: `sort must be one of: ${sortValues(CHANNEL_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ type: Boolean, default: true, description: 'false lists the channels that were removed' })
  @IsOptional()
  @IsQueryBoolean()
  active?: boolean;
}

/** A test message that was queued for a channel: the message log shows its delivery. */
export class ChannelTestView {
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty({ format: 'uuid', description: 'The message in the message log (GET /messages/{id})' }) messageId!: string;
}
