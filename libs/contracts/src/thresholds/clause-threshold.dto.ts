import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min } from 'class-validator';

export class ClauseThresholdDto {
  @ApiProperty({ example: 6, description: 'Minimum contract duration in months' })
  @IsInt()
  @Min(1)
  @Max(240)
  minDurationMonths!: number;

  @ApiProperty({ example: 5_000_000, description: 'Minimum estimated value in DKK' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000_000_000)
  minValueDkk!: number;
}

export class ClauseThresholdView {
  @ApiProperty() minDurationMonths!: number;
  @ApiProperty() minValueDkk!: number;
  @ApiProperty({ enum: ['municipality', 'default'], description: "The municipality's own thresholds, or the configured defaults" })
  source!: 'municipality' | 'default';
}
