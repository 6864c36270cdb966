import type { Role } from '@klausul/domain';
import { type ConcludeReviewDto, REVIEW_ACTIONS, type ReviewEmployee, type ReviewState, reviewWorkflow } from '@klausul/followup';
import { allowedEvents } from '@klausul/workflow';
import type { FieldError } from '../../forms/form';
import type { Language, Translate } from '../../i18n/i18n';
import { formatDate, formatNumber } from '../../setup/view-engine';

/** The conclusion's actions, in the form's order. */
export const REVIEW_ACTION_CHOICES = REVIEW_ACTIONS;

/** Whether the workflow lets this role conclude a review in this state now (submitted or overdue, by the unit). */
export function canConclude(state: string, role: Role): boolean {
  return allowedEvents(reviewWorkflow.table, state as ReviewState, role).includes('conclude');
}

export function concludeLabels(t: Translate): Record<string, string> {
  return {
    discussion: t('unitMeetings.conclude.discussion'),
    challenges: t('unitMeetings.conclude.challenges'),
    actions: t('unitMeetings.conclude.actions'),
    upskillingProgrammeId: t('unitMeetings.conclude.programme'),
    breachNote: t('unitMeetings.conclude.breachNote'),
    noteToSupplier: t('unitMeetings.conclude.noteToSupplier'),
    expectedVersion: t('unitMeetings.conclude.discussion'),
  };
}

/**
 * What an action needs, checked before the service so the page names the field in the
 * person's words (the service refuses the same with a 400): a programme to offer, a note for
 * a breach notice.
 */
export function conclusionChecks(dto: ConcludeReviewDto, t: Translate): FieldError[] {
  const actions = dto.actions ?? [];
  return [
    ...(actions.includes('offer_upskilling') && !dto.upskillingProgrammeId ? [{ field: 'upskillingProgrammeId', text: t('unitMeetings.conclude.errors.programme') }] : []),
    ...(actions.includes('notify_breach') && !dto.breachNote ? [{ field: 'breachNote', text: t('unitMeetings.conclude.errors.breachNote') }] : []),
  ];
}

/**
 * The programmes to choose from: those with places left, each with how many, the first an
 * empty "choose" entry (a full programme cannot take the person offered a place).
 */
export function programmeChoices(programmes: readonly { id: string; name: string; placesLeft: number }[], t: Translate): { value: string; text: string }[] {
  return [
    { value: '', text: t('unitMeetings.conclude.chooseProgramme') },
    ...programmes.filter((p) => p.placesLeft > 0).map((p) => ({ value: p.id, text: t('unitMeetings.conclude.programmeChoice', { name: p.name, count: p.placesLeft }) })),
  ];
}

export interface EmployeeRowModel {
  name: string;
  jobTitle: string;
  startDate: string;
  hours: string;
  answer: string;
  note: string | null;
}

/** Each employee of the review with the supplier's answer in a sentence. */
export function employeeRows(employees: readonly ReviewEmployee[], previousHours: ReadonlyMap<string, number>, t: Translate, lang: Language): EmployeeRowModel[] {
  const reason = (value: string | null) => t(`monthly.reasons.${value ?? 'other'}`, { defaultValue: value ?? '' });
  return employees.map((e) => {
    let answer: string;
    // The supplier's answer first: an end it reported this month also ended the placement (endedBefore).
    if (!e.answer && e.endedBefore) answer = t('unitMeetings.review.endedBefore', { date: formatDate(e.endedBefore.endDate, lang), reason: reason(e.endedBefore.endReason) });
    else if (!e.answer) answer = t('unitMeetings.review.notAnswered');
    else if (!e.answer.stillEmployed) answer = t('unitMeetings.review.left', { date: e.answer.endDate ? formatDate(e.answer.endDate, lang) : '', reason: reason(e.answer.endReason) });
    else if (e.hoursChangedFrom) answer = t('unitMeetings.review.hoursChanged', {
        from: formatNumber(previousHours.get(e.placementId), lang),
        to: formatNumber(e.answer.weeklyHours, lang),
        date: formatDate(e.hoursChangedFrom, lang),
      });
    else answer = t('unitMeetings.review.stillEmployed');
    return {
      name: e.name ?? t('unitMeetings.unnamed'),
      jobTitle: e.jobTitle ?? '',
      startDate: formatDate(e.startDate, lang),
      hours: formatNumber(e.weeklyHours, lang),
      answer,
      note: e.answer?.note ?? null,
    };
  });
}
