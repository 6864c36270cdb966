import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, Length, Max, Min } from 'class-validator';
import { END_REASONS } from './placement.workflow';

export class PlacementEventDto {
  @ApiPropertyOptional({ description: 'The version you last saw' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ChangeHoursDto extends PlacementEventDto {
  @ApiProperty({ example: 12 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.5)
  @Max(80)
  weeklyHours!: number;

  @ApiProperty({ example: '2026-03-01' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, { message: 'effectiveFrom must be a date (YYYY-MM-DD)' })
  effectiveFrom!: string;
}

export class EndPlacementDto extends PlacementEventDto {
  @ApiProperty({ example: '2026-06-30' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, { message: 'endDate must be a date (YYYY-MM-DD)' })
  endDate!: string;

  @ApiProperty({ enum: END_REASONS })
  @IsIn(END_REASONS)
  reason!: (typeof END_REASONS)[number];
}

export interface PlacementView {
  id: string;
  contractId: string;
  clauseId: string;
  partnerId: string | null;
  state: string;
  version: number;
  targetGroup?: string;
  employmentForm: string;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  weeklyHours: number;
  hoursHistory: { effectiveFrom: string; weeklyHours: number }[];
}
