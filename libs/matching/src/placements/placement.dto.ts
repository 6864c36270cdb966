import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { IsWeeklyHours } from '@klausul/http';
import { PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import { END_REASONS, placementWorkflow } from './placement.workflow';

export class PlacementEventDto {
  @ApiPropertyOptional({ description: 'The version you last saw' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ChangeHoursDto extends PlacementEventDto {
  @ApiProperty({ example: 12 })
  @IsWeeklyHours()
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

/** `:id` of a contract route: a malformed id is a 400 naming it, as on GET /contracts/:id. */
export class ContractIdParams {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

const PLACEMENT_STATES = placementWorkflow.table.states;

/** How a contract's placements sort (keyset columns; each has an index ending in (column, id)). */
export const PLACEMENT_SORTS = {
  startDate: { sql: 'p.start_date', type: 'date' },
} as const satisfies SortColumns;

export class PlacementListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(PLACEMENT_SORTS), default: 'startDate' })
  @IsOptional()
  @IsIn(sortValues(PLACEMENT_SORTS), { message: `sort must be one of: ${sortValues(PLACEMENT_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ enum: PLACEMENT_STATES })
  @IsOptional()
  @IsIn(PLACEMENT_STATES, { message: `state must be one of: ${PLACEMENT_STATES.join(', ')}` })
  state?: string;
}

export class PlacementPartnerView {
  @ApiProperty({ format: 'uuid', description: 'The partner registration on the contract' }) id!: string;
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['rsv', 'subcontractor'] }) kind!: string;
}

/**
 * A placement as a contract's list shows it: who holds the job and its terms. Never the
 * target group, the employment form or the end reason, which can tell a person's health.
 */
export class ContractPlacementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clauseId!: string;
  @ApiProperty({ type: String, nullable: true, description: "The hired candidate's name (null when erased or not hired through a job order)" })
  employeeName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The title of the job order the person was hired on' }) jobTitle!: string | null;
  @ApiProperty({ example: '2026-02-15' }) startDate!: string;
  @ApiProperty({ type: String, nullable: true }) endDate!: string | null;
  @ApiProperty({ description: 'Weekly hours in effect today' }) weeklyHours!: number;
  @ApiProperty({ enum: PLACEMENT_STATES }) state!: string;
  @ApiProperty({ type: PlacementPartnerView, nullable: true, description: 'The partner who employs the person, if any' }) partner!: PlacementPartnerView | null;
}

export function toContractPlacementView(row: Record<string, any>): ContractPlacementView {
  return {
    id: row.id,
    clauseId: row.clause_id,
    employeeName: row.employee_name ?? null,
    jobTitle: row.job_title ?? null,
    startDate: row.start_date,
    endDate: row.end_date,
    weeklyHours: Number(row.weekly_hours),
    state: row.state,
    partner: row.partner_id ? { id: row.partner_id, supplierId: row.partner_supplier_id, name: row.partner_name, kind: row.partner_kind } : null,
  };
}
