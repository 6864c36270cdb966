import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { requiredWeeklyHours } from '@klausul/domain';
import { numberOrNull } from '../common/rows';
import { IsNotBelow } from '../common/validation';
import { type ClauseTerms, EMPLOYMENT_FORMS, type EmploymentForm, TARGET_GROUPS, type TargetGroup } from './clause-vocabulary';

/** A clause as the unit drafts it in the dialogue: for one lot, or for the whole tender. */
export class ClauseDraftDto {
  @ApiPropertyOptional({ description: 'The lot the clause is for; omit it for one clause for the whole tender' })
  @IsOptional()
  @IsInt()
  @Min(1)
  lotNumber?: number;

  @ApiProperty({ example: 13, description: 'Required hires (headcount)' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  requiredHires!: number;

  @ApiPropertyOptional({ example: 10, description: 'Weekly hours of each hire; this and/or totalWeeklyHours' })
  @ValidateIf((o: ClauseDraftDto) => o.weeklyHoursPerHire !== undefined || o.totalWeeklyHours === undefined)
  @IsDefined({ message: 'weeklyHoursPerHire or totalWeeklyHours is required' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(168)
  weeklyHoursPerHire?: number;

  @ApiPropertyOptional({ example: 130, description: 'Weekly hours across all hires' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(1_000_000)
  totalWeeklyHours?: number;

  @ApiProperty({ enum: TARGET_GROUPS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TARGET_GROUPS.length)
  @ArrayUnique()
  @IsIn(TARGET_GROUPS, { each: true, message: `targetGroups must each be one of: ${TARGET_GROUPS.join(', ')}` })
  targetGroups!: TargetGroup[];

  @ApiProperty({ enum: EMPLOYMENT_FORMS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EMPLOYMENT_FORMS.length)
  @ArrayUnique()
  @IsIn(EMPLOYMENT_FORMS, { each: true, message: `employmentForms must each be one of: ${EMPLOYMENT_FORMS.join(', ')}` })
  employmentForms!: EmploymentForm[];

  @ApiPropertyOptional({ description: 'Months from contract start to the first hire (FIRST_HIRE_MILESTONE_MONTHS when omitted)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  firstHireWithinMonths?: number;

  @ApiPropertyOptional({ description: 'Months from contract start to full fulfilment (CLAUSE_FULL_FULFILMENT_MONTHS when omitted)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  @IsNotBelow('firstHireWithinMonths')
  fullFulfilmentWithinMonths?: number;

  @ApiPropertyOptional({ description: 'The winner must cooperate with a registered social-economy enterprise', default: false })
  @IsOptional()
  @IsBoolean()
  requiresRsvCooperation?: boolean;

  @ApiPropertyOptional({ description: 'Counting rule: share of its agreed period an early-ended hire must serve (EARLY_END_COUNT_SHARE when omitted)' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  earlyEndShare?: number;

  @ApiPropertyOptional({ description: 'Counting rule: hires made through partners (RSV, subcontractors) count', default: true })
  @IsOptional()
  @IsBoolean()
  partnerPlacementsCount?: boolean;
}

/** A draft with every default filled in: what define-clause records. */
export interface ClauseDraftCommand extends ClauseTerms {
  lotNumber: number | null;
  firstHireWithinMonths: number;
  fullFulfilmentWithinMonths: number;
}

export class ClauseView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'null: the clause covers the whole tender' })
  lotNumber!: number | null;

  @ApiProperty()
  requiredHires!: number;

  @ApiProperty({ nullable: true, type: Number })
  weeklyHoursPerHire!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  totalWeeklyHours!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'The hours target: totalWeeklyHours, else hires x hours per hire' })
  requiredWeeklyHours!: number | null;

  @ApiProperty({ enum: TARGET_GROUPS, isArray: true })
  targetGroups!: TargetGroup[];

  @ApiProperty({ enum: EMPLOYMENT_FORMS, isArray: true })
  employmentForms!: EmploymentForm[];

  @ApiProperty()
  requiresRsvCooperation!: boolean;

  @ApiProperty()
  earlyEndShare!: number;

  @ApiProperty()
  partnerPlacementsCount!: boolean;

  @ApiPropertyOptional({ description: 'Drafts: months from contract start' })
  firstHireWithinMonths?: number;

  @ApiPropertyOptional()
  fullFulfilmentWithinMonths?: number;

  @ApiPropertyOptional({ description: "Contracts' clauses: the dates" })
  firstHireDeadline?: string;

  @ApiPropertyOptional()
  fullFulfilmentDeadline?: string;
}

/** The clause columns of a clause_draft or employment_clause row. */
export function termsOf(row: Record<string, any>): ClauseTerms {
  return {
    requiredHires: row.required_hires,
    weeklyHoursPerHire: numberOrNull(row.weekly_hours_per_hire),
    totalWeeklyHours: numberOrNull(row.total_weekly_hours),
    targetGroups: row.target_groups,
    employmentForms: row.employment_forms,
    requiresRsvCooperation: row.requires_rsv_cooperation,
    earlyEndShare: Number(row.early_end_share),
    partnerPlacementsCount: row.partner_placements_count,
  };
}

export function toClauseView(row: Record<string, any>): ClauseView {
  const terms = termsOf(row);
  const view: ClauseView = {
    id: row.id,
    lotNumber: row.lot_number ?? null,
    ...terms,
    requiredWeeklyHours: requiredWeeklyHours({
      hires: terms.requiredHires,
      weeklyHoursPerHire: terms.weeklyHoursPerHire ?? undefined,
      totalWeeklyHours: terms.totalWeeklyHours ?? undefined,
    }),
  };
  if (row.first_hire_within_months !== undefined) {
    view.firstHireWithinMonths = row.first_hire_within_months;
    view.fullFulfilmentWithinMonths = row.full_fulfilment_within_months;
  }
  if (row.first_hire_deadline !== undefined) {
    view.firstHireDeadline = row.first_hire_deadline;
    view.fullFulfilmentDeadline = row.full_fulfilment_deadline;
  }
  return view;
}
