import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { candidateWorkflow } from './candidate.workflow';

export { VISIBLE_TO_SUPPLIER } from './candidate.workflow';

export class ConsentView {
  @ApiProperty({ example: '2026-01-15' }) givenOn!: string;
  @ApiProperty() scope!: string;
}

export class CandidateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) jobOrderId!: string;
  @ApiProperty({ enum: candidateWorkflow.table.states }) state!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true, description: 'null once the data was erased' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty() hasCv!: boolean;
  @ApiProperty({ type: String, nullable: true }) applicationText!: string | null;
  @ApiProperty() availableWeeklyHours!: number;
  @ApiProperty({ type: [String] }) preferredShifts!: string[];
  @ApiProperty({ type: String, nullable: true }) interviewOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) placementId!: string | null;
  /** Only for the matchmaking unit and the jobcenter: a supplier never sees target group or consent. */
  @ApiPropertyOptional({ description: 'Not shown to suppliers' }) targetGroup?: string;
  @ApiPropertyOptional({ type: ConsentView, description: 'Not shown to suppliers' }) consent?: ConsentView;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Not shown to suppliers' }) declineNote?: string | null;
  /** The upskilling programme participant this person was proposed as, if any (unit and jobcenter only). */
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'Not shown to suppliers' }) upskillingParticipantId?: string | null;
  @ApiProperty() createdAt!: string;
}

const dateText = (value: unknown) => (value === null || value === undefined ? null : String(value));

export function toCandidateView(row: Record<string, any>, actor: Actor): CandidateView {
  const view: CandidateView = {
    id: row.id,
    jobOrderId: row.job_order_id,
    state: row.state,
    version: row.version,
    name: row.display_name,
    email: row.email,
    phone: row.phone,
    hasCv: row.cv_file_id !== null,
    applicationText: row.application_text,
    availableWeeklyHours: Number(row.available_weekly_hours),
    preferredShifts: row.preferred_shifts ?? [],
    interviewOn: dateText(row.interview_on_text),
    rejectionReason: row.rejection_reason,
    placementId: row.placement_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
  if (actor.role === 'supplier_hr') return view;
  return {
    ...view,
    targetGroup: row.target_group,
    consent: { givenOn: String(row.consent_given_on_text), scope: row.consent_scope },
    declineNote: row.decline_note,
    upskillingParticipantId: row.upskilling_participant_id ?? null,
  };
}

/** Columns to select for a view: dates as text, so no time zone can move them. */
export const CANDIDATE_COLUMNS = `c.*, to_char(c.interview_on, 'YYYY-MM-DD') AS interview_on_text,
  to_char(c.consent_given_on, 'YYYY-MM-DD') AS consent_given_on_text`;
