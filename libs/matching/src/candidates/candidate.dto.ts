import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBase64, IsEmail, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsWeeklyHours } from '@klausul/http';
import { PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import { SHIFT_PATTERNS } from '../job-orders/job-order.dto';
import { candidateWorkflow } from './candidate.workflow';

export const TARGET_GROUPS = ['flexjob', 'cash_benefit', 'refugee', 'long_term_unemployed', 'disability_pension', 'apprentice_trainee', 'other'] as const;
export const EMPLOYMENT_FORMS = ['ordinary', 'flexjob', 'wage_subsidy', 'trainee_apprentice', 'practicum'] as const;
export const REJECTION_REASONS = ['qualifications', 'hours', 'no_show', 'other'] as const;

export class CvFileDto {
  @ApiProperty({ example: 'cv.pdf' })
  @IsString()
  @Length(1, 255)
  fileName!: string;

  @ApiProperty({ description: 'The file, base64-encoded (PDF, DOCX or ODT, at most 10 MB)' })
  @IsBase64()
  contentBase64!: string;
}

/** The jobcenter proposes a citizen. No CPR number (refused anywhere in the text) and no health details. */
export class ProposeCandidateDto {
  @ApiProperty({ example: 'Mette Jensen' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(4, 30)
  phone?: string;

  @ApiPropertyOptional({ type: CvFileDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CvFileDto)
  cv?: CvFileDto;

  @ApiPropertyOptional({ description: 'The application (ansøgning)' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  applicationText?: string;

  @ApiProperty({ enum: TARGET_GROUPS })
  @IsIn(TARGET_GROUPS)
  targetGroup!: (typeof TARGET_GROUPS)[number];

  @ApiProperty({ example: 10, description: 'Weekly hours the person can work' })
  @IsWeeklyHours()
  availableWeeklyHours!: number;

  @ApiPropertyOptional({ enum: SHIFT_PATTERNS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(SHIFT_PATTERNS, { each: true })
  preferredShifts?: (typeof SHIFT_PATTERNS)[number][];

  @ApiProperty({ example: '2026-01-15', description: "The date the citizen consented to the referral" })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, { message: 'consentGivenOn must be a date (YYYY-MM-DD)' })
  consentGivenOn!: string;

  @ApiProperty({ example: 'Videregivelse af CV til leverandøren med henblik på ansættelse' })
  @IsString()
  @Length(1, 500)
  consentScope!: string;
}

export class CandidateEventDto {
  @ApiPropertyOptional({ description: 'The version you last saw' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class DeclineCandidateDto extends CandidateEventDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class InterviewDto extends CandidateEventDto {
  @ApiProperty({ example: '2026-02-03' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, { message: 'interviewOn must be a date (YYYY-MM-DD)' })
  interviewOn!: string;
}

export class HireDto extends CandidateEventDto {
  @ApiProperty({ example: '2026-02-15' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, { message: 'startDate must be a date (YYYY-MM-DD)' })
  startDate!: string;

  @ApiProperty({ example: 12 })
  @IsWeeklyHours()
  weeklyHours!: number;

  @ApiProperty({ enum: EMPLOYMENT_FORMS })
  @IsIn(EMPLOYMENT_FORMS)
  employmentForm!: (typeof EMPLOYMENT_FORMS)[number];

  @ApiPropertyOptional({ description: "The clause the hire counts toward (required when the contract has several)" })
  @IsOptional()
  @IsUUID()
  clauseId?: string;

  @ApiPropertyOptional({ description: 'A partner registered on the contract who employs the person' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({ description: 'A placement this hire replaces (counted once)' })
  @IsOptional()
  @IsUUID()
  replacesPlacementId?: string;

  @ApiPropertyOptional({ description: 'Agreed length of the employment in months' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  agreedMonths?: number;
}

export class RejectDto extends CandidateEventDto {
  @ApiProperty({ enum: REJECTION_REASONS })
  @IsIn(REJECTION_REASONS)
  reason!: (typeof REJECTION_REASONS)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

const CANDIDATE_STATES = candidateWorkflow.table.states;

/** How a job order's candidates sort (keyset columns; each has an index ending in (column, id)). */
export const CANDIDATE_SORTS = {
  createdAt: { sql: 'c.created_at', type: 'timestamptz' },
} as const satisfies SortColumns;

export class CandidateListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(CANDIDATE_SORTS), default: 'createdAt' })
  @IsOptional()
  @IsIn(sortValues(CANDIDATE_SORTS), { message: `sort must be one of: ${sortValues(CANDIDATE_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ enum: CANDIDATE_STATES })
  @IsOptional()
  @IsIn(CANDIDATE_STATES, { message: `state must be one of: ${CANDIDATE_STATES.join(', ')}` })
  state?: string;
}
