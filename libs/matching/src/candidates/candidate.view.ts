import type { Actor } from '@klausul/domain';

/** States in which a supplier sees a candidate: from the shortlist on. */
export const VISIBLE_TO_SUPPLIER = ['shortlisted', 'interview', 'hired', 'rejected'];

export interface CandidateView {
  id: string;
  jobOrderId: string;
  state: string;
  version: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  hasCv: boolean;
  applicationText: string | null;
  availableWeeklyHours: number;
  preferredShifts: string[];
  interviewOn: string | null;
  rejectionReason: string | null;
  placementId: string | null;
  /** Only for the matchmaking unit and the jobcenter: a supplier never sees target group or consent. */
  targetGroup?: string;
  consent?: { givenOn: string; scope: string };
  declineNote?: string | null;
  /** The upskilling programme participant this person was proposed as, if any (unit and jobcenter only). */
  upskillingParticipantId?: string | null;
  createdAt: string;
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
