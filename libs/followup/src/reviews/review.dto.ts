import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsWeeklyHours } from '@klausul/http';
import { END_REASONS } from '@klausul/matching';
import { PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import { REVIEW_ACTIONS, type ReviewAction, type ReviewState, reviewWorkflow } from './review.workflow';

const PERIOD = /^(20\d{2}|2100)-(0[1-9]|1[0-2])$/;

export class ReviewRunDto {
  @ApiProperty({ example: '2025-03', description: 'The month to review (YYYY-MM)' })
  @Matches(PERIOD, { message: 'period must be a month (YYYY-MM)' })
  period!: string;
}

/** How the review list sorts (keyset columns; each has an index ending in (column, id)). */
export const REVIEW_SORTS = {
  period: { sql: 'r.period', type: 'text' },
  createdAt: { sql: 'r.created_at', type: 'timestamptz' },
} as const satisfies SortColumns;

export class ReviewListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(REVIEW_SORTS), default: '-period' })
  @IsOptional()
  @IsIn(sortValues(REVIEW_SORTS), { message: `sort must be one of: ${sortValues(REVIEW_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ example: '2025-03', description: 'Only this month (YYYY-MM)' })
  @IsOptional()
  @Matches(PERIOD, { message: 'period must be a month (YYYY-MM)' })
  period?: string;

  @ApiPropertyOptional({ enum: reviewWorkflow.table.states })
  @IsOptional()
  @IsIn(reviewWorkflow.table.states, { message: `state must be one of: ${reviewWorkflow.table.states.join(', ')}` })
  state?: ReviewState;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only escalated reviews (overdue past their escalation); false: none of those (with state=overdue: overdue, not yet escalated)',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'escalated must be true or false' })
  escalated?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'uuid', description: "Only this supplier's reviews" })
  @IsOptional()
  @IsUUID('all', { message: 'supplierId must be a UUID' })
  supplierId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this contract's reviews" })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a UUID' })
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
  @IsWeeklyHours()
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

  @ApiPropertyOptional({ format: 'uuid', description: "Required with offer_upskilling: the municipality's upskilling programme offered" })
  @IsOptional()
  @IsUUID('all', { message: 'upskillingProgrammeId must be a UUID' })
  upskillingProgrammeId?: string;

  @ApiPropertyOptional({ description: 'Required with notify_breach: the note to the supplier' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  breachNote?: string;

  @ApiPropertyOptional({ description: "What the unit chooses to tell the supplier about the review: the only part of the conclusion the supplier sees" })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  noteToSupplier?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class PlacementCheckView {
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() placementState!: string;
  @ApiProperty({ description: 'Pre-filled from last month: the weekly hours when the review was created' }) previousWeeklyHours!: number;
  @ApiProperty({ nullable: true, type: Boolean }) stillEmployed!: boolean | null;
  @ApiProperty({ nullable: true, type: Number }) weeklyHours!: number | null;
  @ApiProperty({ nullable: true, type: String }) endDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) endReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class ReviewProgrammeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReviewView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty({ example: '2025-03' }) period!: string;
  @ApiProperty({ enum: reviewWorkflow.table.states }) state!: string;
  @ApiProperty() version!: number;
  @ApiProperty() dueOn!: string;
  @ApiProperty({ nullable: true, type: String }) supplierNote!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the supplier last corrected its answers (the history holds what changed)' }) correctedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'What the unit chose to tell the supplier when it concluded' }) noteToSupplier!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The unit's own notes: not shown to supplier HR" }) discussion?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The unit's own notes: not shown to supplier HR" }) challenges?: string | null;
  @ApiPropertyOptional({ enum: REVIEW_ACTIONS, isArray: true, description: "The unit's own decisions: not shown to supplier HR" }) actions?: ReviewAction[];
  @ApiPropertyOptional({ nullable: true, type: () => ReviewProgrammeView, description: "The programme offered with offer_upskilling (the unit's own): not shown to supplier HR" })
  upskillingProgramme?: ReviewProgrammeView | null;
  @ApiProperty({ type: [PlacementCheckView] }) placements!: PlacementCheckView[];
}

/** Who a review is shown to: the supplier sees its own answers and what the unit shares, never the unit's meeting notes. */
export type ReviewAudience = 'unit' | 'supplier';

export function audienceOf(role: string): ReviewAudience {
  return role === 'supplier_hr' ? 'supplier' : 'unit';
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** A review row (with supplier_name, tender_title, due_text) and its placement checks, as the API shows them to `audience`. */
export function toReviewView(r: Record<string, any>, checks: Record<string, any>[], audience: ReviewAudience): ReviewView {
  // Left out of the supplier's view altogether (not nulled): these are the unit's own.
  const programme = r.upskilling_programme_id ? { id: String(r.upskilling_programme_id), name: String(r.upskilling_programme_name ?? '') } : null;
  const internal = audience === 'unit' ? { discussion: r.discussion, challenges: r.challenges, actions: r.actions, upskillingProgramme: programme } : {};
  return {
    id: r.id,
    contractId: r.contract_id,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    tenderTitle: r.tender_title,
    period: r.period,
    state: r.state,
    version: r.version,
    dueOn: r.due_text,
    supplierNote: r.supplier_note,
    correctedAt: r.corrected_at ? new Date(r.corrected_at).toISOString() : null,
    noteToSupplier: r.note_to_supplier ?? null,
    ...internal,
    placements: checks.map((c) => ({
      placementId: String(c.placement_id),
      startDate: String(c.start_text),
      placementState: String(c.placement_state),
      previousWeeklyHours: Number(c.previous_weekly_hours),
      stillEmployed: c.still_employed ?? null,
      weeklyHours: num(c.weekly_hours),
      endDate: c.end_text ?? null,
      endReason: c.end_reason ?? null,
      note: c.note ?? null,
    })),
  };
}
