import { IsIn, IsInt, IsOptional, IsString, Length, Min, ValidateIf } from 'class-validator';
import type { Role } from '@klausul/domain';
import { type CandidateState, type CandidateView, candidateWorkflow } from '@klausul/matching';
import { allowedEvents } from '@klausul/workflow';
import type { FormErrors, FormValues } from '../../forms/form';
import type { Translate } from '../../i18n/i18n';

/** The pipeline's stages, in the order a candidate moves through them. */
export const PIPELINE_STAGES = ['proposed', 'shortlisted', 'declined', 'interview', 'hired', 'rejected', 'withdrawn'] as const satisfies readonly CandidateState[];

/** The candidate events the unit fires from the pipeline (interview, hire and reject are the supplier's). */
export const MOVE_EVENTS = ['shortlist', 'decline', 'withdraw'] as const;
export type MoveEvent = (typeof MOVE_EVENTS)[number];

/** The unit's roles that may fire some move (the employment side and the admins). */
export const MOVE_ROLES: Role[] = (['admin', 'employment_caseworker', 'procurement_caseworker'] as Role[]).filter((role) =>
  MOVE_EVENTS.some((event) => (candidateWorkflow.table.events[event].roles as readonly Role[]).includes(role)),
);

/** The moves this role may make from the candidate's state, from the workflow's table. */
export function movesOf(state: string, role: Role): MoveEvent[] {
  const events = allowedEvents(candidateWorkflow.table, state as CandidateState, role) as string[];
  return MOVE_EVENTS.filter((event) => events.includes(event));
}

/**
 * The move form: the event from the select, and the reason. The REST decline takes an
 * optional note; the unit's page asks for one, because the jobcenter sees why.
 */
export class MoveCandidateForm {
  @IsIn(MOVE_EVENTS)
  event!: MoveEvent;

  @ValidateIf((form: MoveCandidateForm) => form.event === 'decline' || form.note !== undefined)
  @IsString()
  @Length(1, 2000)
  note?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** A refused move, shown on its candidate's card. */
export interface MoveProblem {
  candidateId: string;
  values: FormValues;
  errors: FormErrors;
}

/** The ids of a card's move fields (unique on the page, so the error summary links to the right card). */
export const moveFieldId = (candidateId: string, field: string) => `move-${candidateId}-${field}`;

/** A candidate as its card shows it: the unit's view (target group and consent included), the moves allowed now. */
export function candidateCard(candidate: CandidateView, role: Role, t: Translate) {
  return {
    ...candidate,
    stateText: t(`unit.states.candidate.${candidate.state}`),
    targetGroupText: candidate.targetGroup ? t(`jobcenter.targetGroups.${candidate.targetGroup}`, { defaultValue: candidate.targetGroup }) : null,
    shiftTexts: candidate.preferredShifts.map((shift) => t(`supplier.shifts.${shift}`, { defaultValue: shift })),
    moves: movesOf(candidate.state, role).map((event) => ({ value: event, text: t(`unitMatching.pipeline.move.events.${event}`) })),
  };
}
