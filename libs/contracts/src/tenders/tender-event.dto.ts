import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ClauseDraftDto } from '../clauses/clause.dto';
import { WILLINGNESS, type Willingness } from '../clauses/clause-vocabulary';
import { IsAfterDate, IsCalendarDate, Trimmed, TrimmedEach, UniqueBy } from '../common/validation';

/** Short free-text items (tasks, needs, names): up to 50 of up to 200 characters. */
function TextList(): PropertyDecorator {
  return (target, key) => {
    TrimmedEach()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(50)(target, key);
    IsString({ each: true })(target, key);
    MinLength(1, { each: true, message: `${String(key)} must not contain empty items` })(target, key);
    MaxLength(200, { each: true })(target, key);
  };
}

/** Every event body may carry the version the client last saw; a different current version is a 409. */
export class TenderEventDto {
  @ApiPropertyOptional({ description: 'The version you last saw; a different current version is a 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ScreeningDto extends TenderEventDto {
  @ApiProperty({ example: ['Morgenkørsel', 'Eftermiddagskørsel'], description: 'Tasks suited to people with reduced working capacity' })
  @TextList()
  suitableTasks!: string[];

  @ApiProperty({ description: 'Work can be split into morning and afternoon shifts' })
  @IsBoolean()
  splitShifts!: boolean;

  @ApiProperty({ type: [String] })
  @TextList()
  coreTasks!: string[];

  @ApiProperty({ type: [String] })
  @TextList()
  ancillaryTasks!: string[];

  @ApiProperty({ type: [String] })
  @TextList()
  upskillingOptions!: string[];

  @ApiProperty({ example: 26 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  estimatedHires!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export class MeetingDto extends TenderEventDto {
  @ApiProperty({ example: '2024-03-12' })
  @IsCalendarDate()
  heldOn!: string;

  @ApiProperty({ example: 'Fynsk Rutekørsel A/S' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'bidderName must not be empty' })
  @MaxLength(200)
  bidderName!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The bidder, when it is a registered supplier' })
  @IsOptional()
  @IsUUID('all', { message: 'supplierId must be a UUID' })
  supplierId?: string;

  @ApiProperty({ type: [String], description: 'Who took part (kept with the meeting only)' })
  @TextList()
  @ArrayMinSize(1)
  participants!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiProperty({ enum: WILLINGNESS })
  @IsIn(WILLINGNESS, { message: `willingness must be one of: ${WILLINGNESS.join(', ')}` })
  willingness!: Willingness;

  @ApiProperty({ type: [String] })
  @TextList()
  tasksMatched!: string[];

  @ApiProperty({ type: [String] })
  @TextList()
  upskillingNeeds!: string[];
}

export class DefineClauseDto extends TenderEventDto {
  @ApiProperty({ type: [ClauseDraftDto], description: 'One clause per lot, or one without lotNumber for the whole tender' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @UniqueBy('lotNumber')
  @ValidateNested({ each: true })
  @Type(() => ClauseDraftDto)
  clauses!: ClauseDraftDto[];

  @ApiPropertyOptional({ description: 'Why no dialogue meeting was held (needed when none was recorded)' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  noMeetingReason?: string;
}

export class LotAwardDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  lotNumber!: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'supplierId must be a UUID' })
  supplierId!: string;
}

export class ClauseShareDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'supplierId must be a UUID' })
  supplierId!: string;

  @ApiProperty({ example: 13 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  requiredHires!: number;

  @ApiPropertyOptional({ example: 10 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(168)
  weeklyHoursPerHire?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(1_000_000)
  totalWeeklyHours?: number;
}

export class AwardDto extends TenderEventDto {
  @ApiProperty({ example: '2024-08-01', description: 'Start of the contracts' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ example: '2028-07-31' })
  @IsCalendarDate()
  @IsAfterDate('startDate')
  endDate!: string;

  @ApiProperty({ type: [LotAwardDto], description: 'The winner of each lot; one contract per winner' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @UniqueBy('lotNumber')
  @ValidateNested({ each: true })
  @Type(() => LotAwardDto)
  lots!: LotAwardDto[];

  @ApiPropertyOptional({
    type: [ClauseShareDto],
    description: 'How a tender-level clause is split between the winners; in proportion to lots won when omitted',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @UniqueBy('supplierId')
  @ValidateNested({ each: true })
  @Type(() => ClauseShareDto)
  clauseSplit?: ClauseShareDto[];
}

export class ReasonDto extends TenderEventDto {
  @ApiProperty({ example: 'Kerneopgaverne kræver specialuddannelse, og der er ingen støtteopgaver' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(1000)
  reason!: string;
}
