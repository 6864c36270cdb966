import { InvalidInputError } from '@klausul/domain';
import type { ReviewEmployee, ReviewForm } from '@klausul/followup';
import { domainErrorOf, errorsOf, type FormErrors, type FormValues, number, text } from '../forms/form';
import type { Language, Translate } from '../i18n/i18n';
import { formatDate } from '../setup/view-engine';

/** The id (and name) of an employee's field on the confirmation page, per field of the REST answer. */
const FIELD_PREFIX = { weeklyHours: 'hours', endDate: 'endDate', endReason: 'reason' } as const;
type AnswerField = keyof typeof FIELD_PREFIX;

export const fieldIdOf = (field: AnswerField, placementId: string): string => `${FIELD_PREFIX[field]}-${placementId}`;

/** Where an error that belongs to no field links to: the confirm button. */
export const CONFIRM_BUTTON_ID = 'confirm';

/**
 * A date typed in a form: the `YYYY-MM-DD` of a date input, or a Danish `D-M-YYYY`,
 * `D.M.YYYY` or `D/M/YYYY` where a browser shows a plain text field; anything else is kept
 * as typed, so validation names it.
 */
export function dateValue(value: unknown): string | undefined {
  const typed = text(value);
  if (typed === undefined) return undefined;
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(typed);
  return danish ? `${danish[3]}-${danish[2].padStart(2, '0')}-${danish[1].padStart(2, '0')}` : typed;
}

/** Hours as a form field shows them in the page's language (`12,5` in Danish). */
export const hoursText = (hours: number, lang: Language): string => (lang === 'da' ? String(hours).replace('.', ',') : String(hours));

/** How an employee is named on the page: their name, or (erased, or not hired through a job order) their start. */
export function nameOf(employee: Pick<ReviewEmployee, 'name' | 'startDate'>, t: Translate, lang: Language): string {
  return employee.name ?? t('monthly.employee.unnamed', { date: formatDate(employee.startDate, lang) });
}

/** The form as it opens: everyone still employed at the hours in effect, nobody ended, the note as recorded. */
export function defaultValues(form: ReviewForm, lang: Language): FormValues {
  const values: FormValues = { note: form.review.supplierNote ?? '' };
  for (const employee of form.employees) {
    values[fieldIdOf('weeklyHours', employee.placementId)] = hoursText(employee.weeklyHours, lang);
    Object.assign(values, emptyLeaverFields(employee.placementId));
  }
  return values;
}

/** A leaver's fields, empty (the layout's select needs a value to compare its choices with). */
export const emptyLeaverFields = (placementId: string): FormValues => ({ [fieldIdOf('endDate', placementId)]: '', [fieldIdOf('endReason', placementId)]: '' });

/** Whether an employee's row was posted as a leaver: an end date or a reason typed. */
export function isLeaver(values: FormValues, placementId: string): boolean {
  return dateValue(values[fieldIdOf('endDate', placementId)]) !== undefined || text(values[fieldIdOf('endReason', placementId)]) !== undefined;
}

/**
 * The posted page as the REST confirmation's body: one answer per employee. A row with an
 * end date or a reason is a leaver (the service says which of the two is missing); any other
 * row is still employed at the hours in its field. A placement that had already ended by the
 * month's end answers with its recorded end: there is nothing to confirm for it.
 */
export function answersOf(form: ReviewForm, values: FormValues): Record<string, unknown> {
  const placements = form.employees.map((employee) => {
    const placementId = employee.placementId;
    if (employee.endedBefore) return { placementId, stillEmployed: false, ...employee.endedBefore };
    if (isLeaver(values, placementId)) {
      return { placementId, stillEmployed: false, endDate: dateValue(values[fieldIdOf('endDate', placementId)]), endReason: text(values[fieldIdOf('endReason', placementId)]) };
    }
    return { placementId, stillEmployed: true, weeklyHours: number(values[fieldIdOf('weeklyHours', placementId)]) };
  });
  const note = text(values.note);
  return { placements, ...(note === undefined ? {} : { note }) };
}

/** The fields' names for the error messages, by the REST body's path (`placements-2-weeklyHours`). */
export function labelsOf(form: ReviewForm, t: Translate, lang: Language): Record<string, string> {
  const labels: Record<string, string> = { note: t('monthly.confirm.note') };
  form.employees.forEach((employee, i) => {
    const name = nameOf(employee, t, lang);
    labels[`placements-${i}-weeklyHours`] = t('monthly.confirm.hoursOf', { name });
    labels[`placements-${i}-endDate`] = t('monthly.confirm.endDateOf', { name });
    labels[`placements-${i}-endReason`] = t('monthly.confirm.reasonOf', { name });
  });
  return labels;
}

/** The page's field id of a path of the REST body. */
export function idOfPath(form: ReviewForm): (path: string) => string {
  return (path) => {
    const match = /^placements-(\d+)-(weeklyHours|endDate|endReason)$/.exec(path);
    const employee = match ? form.employees[Number(match[1])] : undefined;
    if (match && employee) return fieldIdOf(match[2] as AnswerField, employee.placementId);
    return path === 'note' ? 'note' : CONFIRM_BUTTON_ID;
  };
}

/** The refusals with a text of their own (`monthly.confirm.errors.<problem>.<field>`). */
const EXPLAINED = new Set(['required.weeklyHours', 'required.endDate', 'required.endReason', 'before_start.endDate', 'in_future.endDate']);

/**
 * The service's refusal of one answer (its details name the placement, field and problem)
 * as that field's error in the person's language; any other domain refusal as the form's.
 */
export function answerErrorOf(error: unknown, form: ReviewForm, t: Translate, lang: Language): FormErrors | undefined {
  if (error instanceof InvalidInputError && error.details) {
    const { placementId, field, problem, startDate } = error.details as Record<string, unknown>;
    const employee = form.employees.find((e) => e.placementId === placementId);
    const key = `${String(problem)}.${String(field)}`;
    if (employee && EXPLAINED.has(key)) {
      const text = t(`monthly.confirm.errors.${key}`, { name: nameOf(employee, t, lang), start: formatDate(startDate, lang) });
      return errorsOf([{ field: fieldIdOf(field as AnswerField, employee.placementId), text }]);
    }
  }
  return domainErrorOf(error, t, CONFIRM_BUTTON_ID, lang);
}
