import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsWeeklyHours } from '@klausul/http';
import { PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import { jobOrderWorkflow } from './job-order.workflow';

export const SHIFT_PATTERNS = ['morning', 'afternoon', 'split', 'full_day', 'flexible'] as const;
const JOB_ORDER_STATES = jobOrderWorkflow.table.states;

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
  @IsWeeklyHours()
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

export class ForwardJobOrderDto extends JobOrderEventDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: "The municipality's active jobcenter channels to send it to; left out, it goes to every active channel",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'channelIds must be UUIDs of jobcenter channels' })
  channelIds?: string[];
}

export class JobOrderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ description: "The title of the contract's tender" }) contractTitle!: string;
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty({ enum: JOB_ORDER_STATES }) state!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['none', 'pending', 'delivered', 'failed'] }) deliveryStatus!: string;
  @ApiProperty() title!: string;
  @ApiProperty() tasks!: string;
  @ApiProperty() weeklyHours!: number;
  @ApiProperty({ enum: SHIFT_PATTERNS }) shiftPattern!: string;
  @ApiProperty() workplaceAddress!: string;
  @ApiProperty({ example: '2026-02-01' }) startDate!: string;
  @ApiProperty() positions!: number;
  @ApiProperty() requirements!: string;
  @ApiProperty() learningOnTheJob!: string;
  @ApiProperty() interviewContact!: string;
  @ApiProperty({ type: String, nullable: true }) returnComment!: string | null;
  @ApiProperty({ type: String, nullable: true }) forwardedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) candidatesDueOn!: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'The channels it was forwarded to; null: every active channel' })
  forwardChannelIds!: string[] | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** How the job order list sorts (keyset columns; each has an index ending in (column, id)). */
export const JOB_ORDER_SORTS = {
  createdAt: { sql: 'j.created_at', type: 'timestamptz' },
  startDate: { sql: 'j.start_date', type: 'date' },
  // No deadline sorts last; COALESCE so the keyset never compares NULL (index job_order_due_list).
  candidatesDueOn: { sql: "COALESCE(j.candidates_due_on, 'infinity'::date)", type: 'date' },
} as const satisfies SortColumns;

export class JobOrderListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(JOB_ORDER_SORTS), default: '-createdAt' })
  @IsOptional()
  @IsIn(sortValues(JOB_ORDER_SORTS), { message: `sort must be one of: ${sortValues(JOB_ORDER_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ enum: JOB_ORDER_STATES })
  @IsOptional()
  @IsIn(JOB_ORDER_STATES, { message: `state must be one of: ${JOB_ORDER_STATES.join(', ')}` })
  state?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this contract's job orders" })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a UUID' })
  contractId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this supplier's job orders" })
  @IsOptional()
  @IsUUID('all', { message: 'supplierId must be a UUID' })
  supplierId?: string;

  @ApiPropertyOptional({ example: '2025-03-14', description: 'Only job orders whose candidates are due on or before this day' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'candidatesDueBy must be a date (YYYY-MM-DD)' })
  candidatesDueBy?: string;
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
    contractTitle: row.contract_title,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
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
    forwardChannelIds: row.forward_channel_ids ?? null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
