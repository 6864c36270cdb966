import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

export class YearParams {
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** The municipality's political targets (måltal) for one year; an omitted target is none. */
export class SetTargetsDto {
  @ApiPropertyOptional({ example: 0.8, description: 'Share (0..1) of tenders requiring a clause that get one' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0)
  @Max(1)
  clauseShare?: number;

  @ApiPropertyOptional({ example: 40, description: 'Hires under clauses during the year' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  hiresUnderClauses?: number;
}

export class TargetValues {
  @ApiProperty({ nullable: true, type: Number }) clauseShare!: number | null;
  @ApiProperty({ nullable: true, type: Number }) hiresUnderClauses!: number | null;
}

export class TargetProgress {
  @ApiProperty({ description: 'Tenders created this year that require a clause (cancelled ones left out)' }) eligibleTenders!: number;
  @ApiProperty({ description: 'Of those, tenders whose clause has been defined' }) tendersWithClause!: number;
  @ApiProperty({ nullable: true, type: Number }) clauseShare!: number | null;
  @ApiProperty({ description: "Placements counted toward a clause on the year's last day (today while it runs), as the dashboard counts them" })
  hiresUnderClauses!: number;
  @ApiProperty({ description: 'The day hiresUnderClauses is counted on' }) countedOn!: string;
}

export class TargetMet {
  @ApiProperty({ nullable: true, type: Boolean }) clauseShare!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) hiresUnderClauses!: boolean | null;
}

export class TargetsView {
  @ApiProperty() year!: number;
  @ApiProperty({ type: TargetValues }) targets!: TargetValues;
  @ApiProperty({ type: TargetProgress }) progress!: TargetProgress;
  @ApiProperty({ type: TargetMet, description: 'null where no target is set' }) met!: TargetMet;
}
