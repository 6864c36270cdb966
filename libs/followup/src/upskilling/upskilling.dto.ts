import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBase64, IsEmail, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { TARGET_GROUPS } from '@klausul/contracts';
import { UPSKILLING_OUTCOMES } from './upskilling-participant.workflow';

const SHIFT_PATTERNS = ['morning', 'afternoon', 'split', 'full_day', 'flexible'] as const;
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

export class ProposeCvDto {
  @ApiProperty({ example: 'cv.pdf' })
  @IsString()
  @Length(1, 255)
  fileName!: string;

  @ApiProperty({ description: 'The file, base64-encoded (PDF, DOCX or ODT, at most 10 MB)' })
  @IsBase64()
  contentBase64!: string;
}

/** The candidate fields of POST /job-orders/:id/candidates, plus the job order; the name defaults to the participant's. */
export class ProposeParticipantDto {
  @ApiProperty()
  @IsUUID()
  jobOrderId!: string;

  @ApiPropertyOptional({ description: "Defaults to the participant's name" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(4, 30)
  phone?: string;

  @ApiPropertyOptional({ type: ProposeCvDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposeCvDto)
  cv?: ProposeCvDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  applicationText?: string;

  @ApiProperty({ enum: TARGET_GROUPS })
  @IsIn(TARGET_GROUPS)
  targetGroup!: (typeof TARGET_GROUPS)[number];

  @ApiProperty({ example: 10 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.5)
  @Max(80)
  availableWeeklyHours!: number;

  @ApiPropertyOptional({ enum: SHIFT_PATTERNS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(SHIFT_PATTERNS, { each: true })
  preferredShifts?: (typeof SHIFT_PATTERNS)[number][];

  @ApiProperty({ example: '2026-01-15' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, DATE)
  consentGivenOn!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 500)
  consentScope!: string;
}
