import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { END_REASONS } from '@klausul/matching';
import { REVIEW_ACTIONS, type ReviewAction } from './review.workflow';

const PERIOD = /^(20\d{2}|2100)-(0[1-9]|1[0-2])$/;

export class ReviewRunDto {
  @ApiProperty({ example: '2025-03', description: 'The month to review (YYYY-MM)' })
  @Matches(PERIOD, { message: 'period must be a month (YYYY-MM)' })
  period!: string;
}

export class ReviewQueryDto {
  @ApiPropertyOptional({ example: '2025-03' })
  @IsOptional()
  @Matches(PERIOD, { message: 'period must be a month (YYYY-MM)' })
  period?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  contractId?: string;
}

export class ReviewCsvQueryDto {
  @ApiProperty({ example: '2025-03' })
  @Matches(PERIOD, { message: 'period must be a month (YYYY-MM)' })
  period!: string;
}

export class PlacementConfirmationDto {
  @ApiProperty()
  @IsUUID()
  placementId!: string;

  @ApiProperty({ description: 'Still employed at the end of the month' })
  @IsBoolean()
  stillEmployed!: boolean;

  @ApiPropertyOptional({ example: 12, description: 'Current weekly hours (when still employed)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.5)
  @Max(80)
  weeklyHours?: number;

  @ApiPropertyOptional({ example: '2025-06-15', description: 'Last day of employment (when it ended)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, { message: 'endDate must be a date (YYYY-MM-DD)' })
  endDate?: string;

  @ApiPropertyOptional({ enum: END_REASONS })
  @IsOptional()
  @IsIn(END_REASONS)
  endReason?: (typeof END_REASONS)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReviewConfirmationDto {
  @ApiProperty({ type: [PlacementConfirmationDto], description: 'One answer per placement of the review' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PlacementConfirmationDto)
  placements!: PlacementConfirmationDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class ConcludeReviewDto {
  @ApiProperty({ description: 'What was discussed with the supplier' })
  @IsString()
  @Length(1, 8000)
  discussion!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  challenges?: string;

  @ApiPropertyOptional({ enum: REVIEW_ACTIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(REVIEW_ACTIONS, { each: true })
  actions?: ReviewAction[];

  @ApiPropertyOptional({ description: 'Required with notify_breach: the note to the supplier' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  breachNote?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export interface PlacementCheckView {
  placementId: string;
  startDate: string;
  placementState: string;
  /** Pre-filled from last month: the weekly hours when the review was created. */
  previousWeeklyHours: number;
  stillEmployed: boolean | null;
  weeklyHours: number | null;
  endDate: string | null;
  endReason: string | null;
  note: string | null;
}

export interface ReviewView {
  id: string;
  contractId: string;
  supplierId: string;
  supplierName: string;
  tenderTitle: string;
  period: string;
  state: string;
  version: number;
  dueOn: string;
  supplierNote: string | null;
  discussion: string | null;
  challenges: string | null;
  actions: ReviewAction[];
  placements: PlacementCheckView[];
}
