import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import { ClauseView, toClauseView } from '../clauses/clause.dto';
import { isoOf, numberOrNull } from '../common/rows';
import { Trimmed, UniqueBy } from '../common/validation';
import type { TenderDetails } from './tender.repository';
import { TENDER_STATES, type TenderState } from './tender.workflow';

/** What a tender buys; transport, cleaning and property service are where clauses work best. */
export const PROCUREMENT_AREAS = [
  'special_transport',
  'cleaning',
  'property_service',
  'catering',
  'green_spaces',
  'construction',
  'care',
  'other',
] as const;
export type ProcurementArea = (typeof PROCUREMENT_AREAS)[number];

/** The largest amount a tender may state (DKK 1 trillion): larger is a typing error. */
const MAX_DKK = 1_000_000_000_000;

export class LotDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(999)
  number!: number;

  @ApiProperty({ example: 'Rute Nord, morgen- og eftermiddagskørsel' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ example: 3_500_000 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(MAX_DKK)
  estimatedValueDkk?: number;
}

export class CreateTenderDto {
  @ApiPropertyOptional({ example: 'UDB-2024-017', description: "The procurement department's case number, unique per municipality" })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  reference?: string;

  @ApiProperty({ example: 'Visiteret rutekørsel' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ enum: PROCUREMENT_AREAS })
  @IsIn(PROCUREMENT_AREAS, { message: `procurementArea must be one of: ${PROCUREMENT_AREAS.join(', ')}` })
  procurementArea!: ProcurementArea;

  @ApiProperty({ example: 40_000_000, description: 'Estimated value in DKK' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(MAX_DKK)
  estimatedValueDkk!: number;

  @ApiProperty({ example: 48, description: 'Contract duration in months' })
  @IsInt()
  @Min(1)
  @Max(240)
  durationMonths!: number;

  @ApiProperty({ type: [LotDto], description: 'The lots (delaftaler), at least one' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @UniqueBy('number')
  @ValidateNested({ each: true })
  @Type(() => LotDto)
  lots!: LotDto[];
}

export class LotView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: Number }) estimatedValueDkk!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The contract the lot was awarded to' })
  contractId!: string | null;
}

export class ScreeningView {
  @ApiProperty({ type: [String] }) suitableTasks!: string[];
  @ApiProperty() splitShifts!: boolean;
  @ApiProperty({ type: [String] }) coreTasks!: string[];
  @ApiProperty({ type: [String] }) ancillaryTasks!: string[];
  @ApiProperty({ type: [String] }) upskillingOptions!: string[];
  @ApiProperty() estimatedHires!: number;
  @ApiProperty() notes!: string;
  @ApiProperty() assessedAt!: string;
}

export class MeetingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() heldOn!: string;
  @ApiProperty() bidderName!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) supplierId!: string | null;
  @ApiProperty({ type: [String] }) participants!: string[];
  @ApiProperty() notes!: string;
  @ApiProperty() willingness!: string;
  @ApiProperty({ type: [String] }) tasksMatched!: string[];
  @ApiProperty({ type: [String] }) upskillingNeeds!: string[];
}

export class TenderContractSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty({ type: [Number] }) lotNumbers!: number[];
}

export class TenderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: PROCUREMENT_AREAS }) procurementArea!: ProcurementArea;
  @ApiProperty() estimatedValueDkk!: number;
  @ApiProperty() durationMonths!: number;
  @ApiProperty({ description: "At or above the municipality's clause thresholds when created" }) clauseRequired!: boolean;
  @ApiProperty() state!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [String], description: 'Events you may fire now' }) allowedEvents!: string[];
  @ApiProperty({ type: [LotView] }) lots!: LotView[];
  @ApiProperty({ type: ScreeningView, nullable: true }) screening!: ScreeningView | null;
  @ApiProperty({ type: [MeetingView] }) meetings!: MeetingView[];
  @ApiProperty({ nullable: true, type: String }) noMeetingReason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was not suitable or cancelled' }) closedReason!: string | null;
  @ApiProperty({ type: [ClauseView] }) clauseDrafts!: ClauseView[];
  @ApiProperty({ type: [TenderContractSummary] }) contracts!: TenderContractSummary[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** How the tender list sorts (keyset columns; each has an index ending in (column, id)). */
export const TENDER_SORTS = {
  createdAt: { sql: 't.created_at', type: 'timestamptz' },
} as const satisfies SortColumns;

export class TenderListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(TENDER_SORTS), default: '-createdAt' })
  @IsOptional()
  @IsIn(sortValues(TENDER_SORTS), { message: `sort must be one of: ${sortValues(TENDER_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ enum: TENDER_STATES, description: 'Only tenders in this state of the tender workflow' })
  @IsOptional()
  @IsIn(TENDER_STATES, { message: `state must be one of: ${TENDER_STATES.join(', ')}` })
  state?: TenderState;
}

/** A tender in a list: no details. */
export class TenderSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PROCUREMENT_AREAS }) procurementArea!: ProcurementArea;
  @ApiProperty() clauseRequired!: boolean;
  @ApiProperty() state!: string;
  @ApiProperty() version!: number;
  @ApiProperty() lotCount!: number;
  @ApiProperty() createdAt!: string;
}

export function toTenderSummary(row: Record<string, any>, lotCount: number): TenderSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    procurementArea: row.procurement_area,
    clauseRequired: row.clause_required,
    state: row.state,
    version: row.version,
    lotCount,
    createdAt: isoOf(row.created_at),
  };
}

export function toTenderView(row: Record<string, any>, details: TenderDetails, allowedEvents: string[]): TenderView {
  const s = details.screening;
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    procurementArea: row.procurement_area,
    estimatedValueDkk: Number(row.estimated_value_dkk),
    durationMonths: row.duration_months,
    clauseRequired: row.clause_required,
    state: row.state,
    version: row.version,
    allowedEvents,
    lots: details.lots.map((l) => ({
      id: l.id,
      number: l.number,
      title: l.title,
      estimatedValueDkk: numberOrNull(l.estimated_value_dkk),
      contractId: l.contract_id ?? null,
    })),
    screening: s && {
      suitableTasks: s.suitable_tasks,
      splitShifts: s.split_shifts,
      coreTasks: s.core_tasks,
      ancillaryTasks: s.ancillary_tasks,
      upskillingOptions: s.upskilling_options,
      estimatedHires: s.estimated_hires,
      notes: s.notes,
      assessedAt: isoOf(s.assessed_at),
    },
    meetings: details.meetings.map((m) => ({
      id: m.id,
      heldOn: m.held_on,
      bidderName: m.bidder_name,
      supplierId: m.supplier_id,
      participants: m.participants,
      notes: m.notes,
      willingness: m.willingness,
      tasksMatched: m.tasks_matched,
      upskillingNeeds: m.upskilling_needs,
    })),
    noMeetingReason: row.no_meeting_reason,
    closedReason: row.closed_reason,
    clauseDrafts: details.drafts.map(toClauseView),
    contracts: details.contracts.map((c) => ({ id: c.id, supplierId: c.supplier_id, supplierName: c.supplier_name, lotNumbers: c.lot_numbers })),
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
  };
}
