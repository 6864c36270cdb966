import type { Role } from '@klausul/domain';
import { type JobOrderState, jobOrderWorkflow, type JobOrderView, SHIFT_PATTERNS } from '@klausul/matching';
import { allowedEvents } from '@klausul/workflow';
import { type FormErrors, type FormValues, number, text } from '../forms/form';
import type { Translate } from '../i18n/i18n';

/** The fields of the job description form (those of the REST create DTO, CreateJobOrderDto), in the order the form shows them. */
export const JOB_ORDER_FORM_FIELDS = [
  'title', 'tasks', 'positions', 'weeklyHours', 'shiftPattern', 'startDate', 'workplaceAddress', 'requirements', 'learningOnTheJob', 'interviewContact',
] as const;
export type JobOrderFormField = (typeof JOB_ORDER_FORM_FIELDS)[number];

const NUMBER_FIELDS: readonly JobOrderFormField[] = ['weeklyHours', 'positions'];
export const OPTIONAL_JOB_ORDER_FIELDS: readonly JobOrderFormField[] = ['requirements', 'learningOnTheJob'];

/** The posted form as the DTO reads it: text trimmed, empty fields absent, numbers as numbers ("18,5" too). */
export function jobOrderInput(form: FormValues): FormValues {
  const input: FormValues = {};
  for (const field of JOB_ORDER_FORM_FIELDS) {
    const value = NUMBER_FIELDS.includes(field) ? number(form[field]) : text(form[field]);
    if (value !== undefined) input[field] = value;
  }
  return input;
}

/** What the person typed, to show again when the form is refused (only this form's fields). */
export function typedValues(form: FormValues, fields: readonly string[]): FormValues {
  return Object.fromEntries(fields.map((field) => [field, typeof form[field] === 'string' ? form[field] : '']));
}

/** The error summary in the order of the form's fields, as a person reads down the page. */
export function inFormOrder(errors: FormErrors): FormErrors {
  const rank = (field: string) => {
    const i = (JOB_ORDER_FORM_FIELDS as readonly string[]).indexOf(field);
    return i === -1 ? JOB_ORDER_FORM_FIELDS.length : i;
  };
  return { ...errors, list: [...errors.list].sort((a, b) => rank(a.field) - rank(b.field)) };
}

/** A saved job description as the edit form's values. */
export function jobOrderValues(view: JobOrderView): FormValues {
  return Object.fromEntries(JOB_ORDER_FORM_FIELDS.map((field) => [field, String(view[field] ?? '')]));
}

/** Each field's label, for the error messages. */
export function jobOrderLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(JOB_ORDER_FORM_FIELDS.map((field) => [field, t(`supplier.jobOrder.fields.${field}`)]));
}

export function shiftChoices(t: Translate): { value: string; text: string }[] {
  return [{ value: '', text: t('supplier.jobOrder.choose') }, ...SHIFT_PATTERNS.map((shift) => ({ value: shift, text: t(`supplier.shifts.${shift}`) }))];
}

/** The saved value of each field the person's input differs from (after a stale edit), label and text. */
export function savedDifferences(view: JobOrderView, form: FormValues, t: Translate): { label: string; value: string }[] {
  const saved = jobOrderValues(view);
  const typed = jobOrderInput(form);
  return JOB_ORDER_FORM_FIELDS.filter((field) => String(typed[field] ?? '') !== saved[field]).map((field) => ({
    label: t(`supplier.jobOrder.fields.${field}`),
    value: field === 'shiftPattern' ? t(`supplier.shifts.${String(saved[field])}`) : String(saved[field]),
  }));
}

/** A job description with its state as text, for a page. */
export function jobOrderRow(order: JobOrderView, t: Translate) {
  return { ...order, stateText: t(`supplier.jobOrderStates.${order.state}`) };
}

/** What a page offers for a job description: the workflow's events this role may fire from its state. */
export type JobOrderAction = 'edit' | 'submit' | 'close' | 'cancel';

export function jobOrderActions(state: string, role: Role): JobOrderAction[] {
  const events = allowedEvents(jobOrderWorkflow.table, state as JobOrderState, role);
  const actions: JobOrderAction[] = events.includes('edit') || events.includes('revise') ? ['edit'] : [];
  for (const event of ['submit', 'close', 'cancel'] as const) if (events.includes(event)) actions.push(event);
  return actions;
}

/** States from which the supplier can have candidates to look at (they come after forwarding). */
export const STATES_WITH_CANDIDATES: readonly string[] = ['forwarded', 'shortlist_sent', 'closed'];
