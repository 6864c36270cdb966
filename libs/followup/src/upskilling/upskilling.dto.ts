import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ProposeCandidateDto } from '@klausul/matching';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min,
} from 'class-validator';
import { UPSKILLING_OUTCOMES } from './upskilling-participant.workflow';

const DATE = { message: '$property must be a date (YYYY-MM-DD)' };

export class CreateProgrammeDto {
  @ApiProperty({ example: 'OPI-træningscenter, rengøring' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: 15, description: 'Participants enrolled at a time' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity!: number;

  @ApiProperty({ example: 18, description: 'Longest a participant stays, in months' })
  @IsInt()
  @Min(1)
  @Max(120)
  maxDurationMonths!: number;

  @ApiPropertyOptional({ type: [String], description: 'Partner organisations: suppliers of the municipality (e.g. the cleaning supplier)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  partnerSupplierIds?: string[];

  @ApiPropertyOptional({ description: 'The contract the programme serves' })
  @IsOptional()
  @IsUUID()
  contractId?: string;
}

export class EnrolParticipantDto {
  @ApiProperty({ example: 'Mette Jensen', description: 'Name only: no CPR number' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '2026-01-05' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, DATE)
  startDate!: string;

  @ApiPropertyOptional({ example: '2027-07-04', description: "Planned end; at most the programme's maximum duration (the default)" })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, DATE)
  plannedEndDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ParticipantEventDto {
  @ApiPropertyOptional({ description: 'The version you last saw' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @ApiProperty({ example: '2027-06-30' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, DATE)
  endDate!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CompleteParticipantDto extends ParticipantEventDto {
  @ApiProperty({ enum: UPSKILLING_OUTCOMES })
  @IsIn(UPSKILLING_OUTCOMES)
  outcome!: (typeof UPSKILLING_OUTCOMES)[number];
}

export class DropOutParticipantDto extends ParticipantEventDto {
  @ApiPropertyOptional({ enum: UPSKILLING_OUTCOMES, description: 'Where the person went, when known' })
  @IsOptional()
  @IsIn(UPSKILLING_OUTCOMES)
  outcome?: (typeof UPSKILLING_OUTCOMES)[number];
}

/** The candidate fields of POST /job-orders/:id/candidates, plus the job order; the name defaults to the participant's. */
export class ProposeParticipantDto extends OmitType(ProposeCandidateDto, ['name'] as const) {
  @ApiProperty()
  @IsUUID()
  jobOrderId!: string;

  @ApiPropertyOptional({ description: "Defaults to the participant's name" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}
