import type { ContractView } from '@klausul/contracts';
import { InvalidInputError } from '@klausul/domain';
import {
  type CandidateState, type CandidateView, candidateWorkflow, EMPLOYMENT_FORMS, HireDto, InterviewDto, type PlacementService, REJECTION_REASONS, RejectDto,
} from '@klausul/matching';
import { allowedEvents } from '@klausul/workflow';
import { errorsOf, type FormErrors, type FormValues, number, text } from '../forms/form';
import type { Language, Translate } from '../i18n/i18n';
import { formatDate } from '../setup/view-engine';

/** The supplier's events on a candidate, each a form on the candidates page. */
export const CANDIDATE_ACTIONS = ['interview', 'hire', 'reject'] as const;
export type CandidateAction = (typeof CANDIDATE_ACTIONS)[number];

/** The same DTO classes the REST routes validate with. */
export const CANDIDATE_ACTION_DTOS: Record<CandidateAction, new () => object> = { interview: InterviewDto, hire: HireDto, reject: RejectDto };

const FIELDS: Record<CandidateAction, readonly string[]> = {
  interview: ['interviewOn'],
  hire: ['startDate', 'weeklyHours', 'employmentForm', 'clauseId', 'partnerId', 'replacesPlacementId', 'agreedMonths'],
  reject: ['reason', 'note'],
};
const NUMBER_FIELDS = ['weeklyHours', 'agreedMonths'];

export const fieldsOf = (action: CandidateAction): readonly string[] => FIELDS[action];

/** The forms a candidate gets: the workflow's events supplier HR may fire from its state, never one the engine would refuse. */
export function candidateActions(state: string): CandidateAction[] {
  const events = allowedEvents(candidateWorkflow.table, state as CandidateState, 'supplier_hr');
  return CANDIDATE_ACTIONS.filter((action) => events.includes(action));
}

/** The posted form as the DTO reads it: empty fields absent, numbers as numbers, the version the person saw. */
export function actionInput(action: CandidateAction, body: FormValues): FormValues {
  const input: FormValues = {};
  for (const field of FIELDS[action]) {
    const value = NUMBER_FIELDS.includes(field) ? number(body[field]) : text(body[field]);
    if (value !== undefined) input[field] = value;
  }
  const version = number(body.expectedVersion);
  if (version !== undefined) input.expectedVersion = version;
  return input;
}

export function actionLabels(action: CandidateAction, t: Translate): Record<string, string> {
  const key: Record<string, string> = {
    interviewOn: 'interview.date', startDate: 'hire.startDate', weeklyHours: 'hire.weeklyHours', employmentForm: 'hire.employmentForm',
    clauseId: 'hire.clause', partnerId: 'hire.partner', replacesPlacementId: 'hire.replaces', agreedMonths: 'hire.agreedMonths',
    reason: 'reject.reason', note: 'reject.note', expectedVersion: 'state',
  };
  return Object.fromEntries([...FIELDS[action], 'expectedVersion'].map((field) => [field, t(`supplier.candidates.${key[field]}`)]));
}

/** The id of a field of one candidate's form: several candidates' forms share a page. */
export const fieldId = (action: CandidateAction, candidateId: string, field: string) => `${action}-${candidateId}-${field}`;

/**
 * Errors keyed by field name (for the field) but linked from the summary to the field's id on
 * this page; the summary names the candidate, since several candidates' forms share the page.
 */
export function onPage(errors: FormErrors, action: CandidateAction, candidateId: string, name: string | null | undefined): FormErrors {
  const known = new Set(FIELDS[action]);
  return {
    list: errors.list.map((entry) => ({
      field: fieldId(action, candidateId, known.has(entry.field) ? entry.field : FIELDS[action][0]),
      text: name ? `${name}: ${entry.text}` : entry.text,
    })),
    byField: errors.byField,
  };
}

/**
 * The hire's own refusals in the person's words, on the field they are about: a contract
 * with several clauses needs one chosen, the partner and the replaced employee must be the
 * contract's. Undefined for anything else (domainErrorOf's general texts then apply).
 */
export function hireRefusal(error: unknown, t: Translate): FormErrors | undefined {
  if (!(error instanceof InvalidInputError)) return undefined;
  const details = error.details ?? {};
  if ('clauses' in details || 'clauseId' in details) return errorsOf([{ field: 'clauseId', text: t('supplier.candidates.errors.clause') }]);
  if ('partnerId' in details) return errorsOf([{ field: 'partnerId', text: t('supplier.candidates.errors.partner') }]);
  if ('replacesPlacementId' in details) return errorsOf([{ field: 'replacesPlacementId', text: t('supplier.candidates.errors.replaces') }]);
  return undefined;
}

type EndedPlacement = Awaited<ReturnType<PlacementService['listOfContract']>>['items'][number];

export interface Choice {
  value: string;
  text: string;
}

/** The hire form's choices: forms of employment, the contract's clauses (when several), its partners, the employees who left. */
export function hireChoices(contract: ContractView, ended: readonly EndedPlacement[], t: Translate, lang: Language) {
  const choose = { value: '', text: t('supplier.jobOrder.choose') };
  return {
    employmentForms: [choose, ...EMPLOYMENT_FORMS.map((form) => ({ value: form, text: t(`supplier.employmentForms.${form}`) }))],
    clauses:
      contract.clauses.length > 1
        ? [
            choose,
            ...contract.clauses.map((clause) => ({
              value: clause.id,
              text: clause.lotNumber === null
                ? t('supplier.clauseOption.all', { hires: clause.requiredHires })
                : t('supplier.clauseOption.lot', { lot: clause.lotNumber, hires: clause.requiredHires }),
            })),
          ]
        : null,
    partners: contract.partners.length
      ? [{ value: '', text: t('supplier.candidates.hire.partnerSelf') }, ...contract.partners.map((partner) => ({ value: partner.id, text: partner.name }))]
      : null,
    replaces: ended.length
      ? [
          { value: '', text: t('supplier.candidates.hire.replacesNone') },
          ...ended.map((placement) => ({
            value: placement.id,
            text: placement.employeeName
              ? t('supplier.replacesOption', { name: placement.employeeName, title: placement.jobTitle ?? '', end: formatDate(placement.endDate, lang) })
              : t('supplier.replacesUnnamed', { start: formatDate(placement.startDate, lang), end: formatDate(placement.endDate, lang) }),
          })),
        ]
      : null,
    rejectionReasons: [choose, ...REJECTION_REASONS.map((reason) => ({ value: reason, text: t(`supplier.rejectionReasons.${reason}`) }))],
  };
}

/** A candidate as the page shows it: only what the supplier's view of the service holds, with its texts. */
export function candidateCard(candidate: CandidateView, t: Translate) {
  return {
    id: candidate.id,
    version: candidate.version,
    state: candidate.state,
    stateText: t(`supplier.candidateStates.${candidate.state}`),
    name: candidate.name,
    email: candidate.email,
    phone: candidate.phone,
    hasCv: candidate.hasCv,
    applicationText: candidate.applicationText,
    availableWeeklyHours: candidate.availableWeeklyHours,
    shiftTexts: candidate.preferredShifts.map((shift) => t(`supplier.shifts.${shift}`)),
    interviewOn: candidate.interviewOn,
    rejectionText: candidate.rejectionReason ? t(`supplier.rejectionReasons.${candidate.rejectionReason}`) : null,
    actions: candidateActions(candidate.state),
  };
}
