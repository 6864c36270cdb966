import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ProposeCandidateDto } from '@klausul/matching';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min,
} from 'class-validator';
import { PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import { UPSKILLING_OUTCOMES, upskillingParticipantWorkflow } from './upskilling-participant.workflow';

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

/** How the programme list sorts (keyset columns; each has an index ending in (column, id)). */
export const PROGRAMME_SORTS = {
  createdAt: { sql: 'p.created_at', type: 'timestamptz' },
} as const satisfies SortColumns;

export class ProgrammeListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(PROGRAMME_SORTS), default: 'createdAt' })
  @IsOptional()
  @IsIn(sortValues(PROGRAMME_SORTS), { message: `sort must be one of: ${sortValues(PROGRAMME_SORTS).join(', ')}` })
  sort?: string;
}

const PARTICIPANT_STATES = upskillingParticipantWorkflow.table.states;

/** How a programme's participant list sorts (keyset columns; each has an index ending in (column, id)). */
export const PARTICIPANT_SORTS = {
  startDate: { sql: 'u.start_date', type: 'date' },
  plannedEndDate: { sql: 'u.planned_end_date', type: 'date' },
} as const satisfies SortColumns;

export class ParticipantListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(PARTICIPANT_SORTS), default: 'startDate' })
  @IsOptional()
  @IsIn(sortValues(PARTICIPANT_SORTS), { message: `sort must be one of: ${sortValues(PARTICIPANT_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ enum: PARTICIPANT_STATES })
  @IsOptional()
  @IsIn(PARTICIPANT_STATES, { message: `state must be one of: ${PARTICIPANT_STATES.join(', ')}` })
  state?: string;
}

export class ProgrammePartnerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ProgrammeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() capacity!: number;
  @ApiProperty() maxDurationMonths!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) contractId!: string | null;
  @ApiProperty({ type: [String] }) partnerSupplierIds!: string[];
  @ApiProperty({ type: [ProgrammePartnerView], description: 'The partner suppliers with their names, by name' }) partners!: ProgrammePartnerView[];
  @ApiProperty({ description: 'Participants enrolled now' }) enrolled!: number;
  @ApiProperty() placesLeft!: number;
  @ApiProperty() createdAt!: string;
}

export class ParticipantCandidateView {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ format: 'uuid' }) jobOrderId!: string;
  @ApiProperty() state!: string;
}

export class ParticipantView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty({ enum: PARTICIPANT_STATES }) state!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty() startDate!: string;
  @ApiProperty() plannedEndDate!: string;
  @ApiProperty({ nullable: true, type: String }) endDate!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: UPSKILLING_OUTCOMES }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: [ParticipantCandidateView], description: 'Candidates this participant was proposed as, on job orders' })
  candidates!: ParticipantCandidateView[];
}

export function toProgrammeView(row: Record<string, any>): ProgrammeView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    capacity: row.capacity,
    maxDurationMonths: row.max_duration_months,
    contractId: row.contract_id,
    partnerSupplierIds: row.partners,
    partners: row.partner_names ?? [],
    enrolled: row.enrolled,
    placesLeft: Math.max(0, row.capacity - row.enrolled),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toParticipantView(row: Record<string, any>): ParticipantView {
  return {
    id: row.id,
    programmeId: row.programme_id,
    state: row.state,
    version: row.version,
    name: row.display_name,
    startDate: row.start_text,
    plannedEndDate: row.planned_text,
    endDate: row.end_text,
    outcome: row.outcome,
    note: row.note,
    candidates: row.candidates,
  };
}
