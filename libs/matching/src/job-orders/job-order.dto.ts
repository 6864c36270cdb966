import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

export const SHIFT_PATTERNS = ['morning', 'afternoon', 'split', 'full_day', 'flexible'] as const;

/** A supplier's job description (stillingsbeskrivelse). */
export class JobOrderFieldsDto {
  @ApiProperty({ example: 'Chauffør til visiteret kørsel, morgenture' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ description: 'The tasks, as the supplier would tell an applicant' })
  @IsString()
  @Length(1, 4000)
  tasks!: string;

  @ApiProperty({ example: 10, description: 'Weekly hours of each position' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.5)
  @Max(80)
  weeklyHours!: number;

  @ApiProperty({ enum: SHIFT_PATTERNS, description: 'split = a morning and an afternoon run, which suits many flexjob holders' })
  @IsIn(SHIFT_PATTERNS)
  shiftPattern!: (typeof SHIFT_PATTERNS)[number];

  @ApiProperty()
  @IsString()
  @Length(1, 300)
  workplaceAddress!: string;

  @ApiProperty({ example: '2026-02-01' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, { message: 'startDate must be a date (YYYY-MM-DD)' })
  startDate!: string;

  @ApiProperty({ example: 13 })
  @IsInt()
  @Min(1)
  @Max(500)
  positions!: number;

  @ApiPropertyOptional({ description: 'e.g. driving licence category D, Danish' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  requirements?: string;

  @ApiPropertyOptional({ description: 'What can be learned on the job' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  learningOnTheJob?: string;

  @ApiProperty({ description: 'Who the candidates talk to about interviews (name, phone or e-mail)' })
  @IsString()
  @Length(1, 300)
  interviewContact!: string;
}

export class CreateJobOrderDto extends JobOrderFieldsDto {}

export class UpdateJobOrderDto extends PartialType(JobOrderFieldsDto) {
  @ApiPropertyOptional({ description: 'The version you last saw' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class JobOrderEventDto {
  @ApiPropertyOptional({ description: 'The version you last saw; another current version is a 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ReturnJobOrderDto extends JobOrderEventDto {
  @ApiProperty({ description: 'What the supplier should change' })
  @IsString()
  @Length(1, 2000)
  comment!: string;
}

export interface JobOrderView {
  id: string;
  contractId: string;
  supplierId: string;
  state: string;
  version: number;
  deliveryStatus: string;
  title: string;
  tasks: string;
  weeklyHours: number;
  shiftPattern: string;
  workplaceAddress: string;
  startDate: string;
  positions: number;
  requirements: string;
  learningOnTheJob: string;
  interviewContact: string;
  returnComment: string | null;
  forwardedAt: string | null;
  candidatesDueOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** node-postgres reads a DATE as local midnight; its local calendar fields are the date. */
export function dateOnly(value: unknown): string | null {
  if (!(value instanceof Date)) return (value as string | null) ?? null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

export function toJobOrderView(row: Record<string, any>): JobOrderView {
  return {
    id: row.id,
    contractId: row.contract_id,
    supplierId: row.supplier_id,
    state: row.state,
    version: row.version,
    deliveryStatus: row.delivery_status,
    title: row.title,
    tasks: row.tasks,
    weeklyHours: Number(row.weekly_hours),
    shiftPattern: row.shift_pattern,
    workplaceAddress: row.workplace_address,
    startDate: dateOnly(row.start_date)!,
    positions: row.positions,
    requirements: row.requirements,
    learningOnTheJob: row.learning_on_the_job,
    interviewContact: row.interview_contact,
    returnComment: row.return_comment,
    forwardedAt: row.forwarded_at ? new Date(row.forwarded_at).toISOString() : null,
    candidatesDueOn: dateOnly(row.candidates_due_on),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
