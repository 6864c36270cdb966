import { InvalidInputError } from '@klausul/domain';
import { type FieldError, type FormValues, list, number, text } from '../forms/form';
import type { Translate } from '../i18n/i18n';
import type { FormUpload } from '../setup/form-csrf.middleware';

/** The fields of the propose form, as typed (kept on an error; the file never is). */
const TYPED_FIELDS = [
  'name', 'candidateEmail', 'phone', 'availableWeeklyHours', 'applicationText', 'targetGroup', 'consentDay', 'consentMonth', 'consentYear', 'consentScope',
] as const;

/** What the form shows again after an error: the typed text and ticked shifts, never the file. */
export function typedValues(form: FormValues): FormValues {
  const values: FormValues = {};
  for (const field of TYPED_FIELDS) values[field] = typeof form[field] === 'string' ? form[field] : '';
  values.preferredShifts = list(form.preferredShifts);
  return values;
}

/**
 * The date of the DKFDS date input (three fields) as the DTO takes it, YYYY-MM-DD; what
 * cannot be a date is passed on as typed so the DTO's own rule names the field.
 */
export function dateOfParts(day: unknown, month: unknown, year: unknown): string | undefined {
  const [d, m, y] = [text(day), text(month), text(year)];
  if (d === undefined && m === undefined && y === undefined) return undefined;
  if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{4}$/.test(y ?? '')) return [d, m, y].map((part) => part ?? '').join('-');
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** The body the REST API would get for this form, the CV aside. */
export function proposeBody(form: FormValues): FormValues {
  const body: FormValues = {
    name: text(form.name),
    email: text(form.candidateEmail),
    phone: text(form.phone),
    applicationText: text(form.applicationText),
    targetGroup: text(form.targetGroup),
    availableWeeklyHours: number(form.availableWeeklyHours),
    preferredShifts: list(form.preferredShifts),
    consentGivenOn: dateOfParts(form.consentDay, form.consentMonth, form.consentYear),
    consentScope: text(form.consentScope),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** The inputs in the order the form shows them: the error summary lists them so. */
const FORM_ORDER = [
  'name', 'candidateEmail', 'phone', 'availableWeeklyHours', 'preferredShifts-option1', 'applicationText', 'targetGroup', 'consentGivenOn-day', 'consentScope',
];

export function inFormOrder(errors: FieldError[]): FieldError[] {
  const rank = (error: FieldError) => {
    const at = FORM_ORDER.indexOf(error.field);
    return at === -1 ? FORM_ORDER.length : at;
  };
  return [...errors].sort((a, b) => rank(a) - rank(b));
}


/**
 * The id of the input that shows a DTO path (the summary links to it). `email` and `file`
 * are ids of DKFDS's icon symbols on every page, so those inputs have ids of their own.
 */
export function fieldId(path: string): string {
  if (path === 'cv' || path.startsWith('cv-')) return FILE_INPUT_ID;
  if (path === 'email') return 'candidateEmail';
  if (path.startsWith('consentGivenOn')) return 'consentGivenOn-day';
  if (path.startsWith('preferredShifts')) return 'preferredShifts-option1';
  return path;
}

/** The file input's id (its name is `file`, which the form middleware reads). */
export const FILE_INPUT_ID = 'cv-file';

export const megabytes = (bytes: number): string => `${Math.floor(bytes / (1024 * 1024))} MB`;

/**
 * The CV as the REST API takes it (base64 in the body), or why the upload cannot be used.
 * An upload without a file is no CV (the DTO's CV is optional).
 */
export function cvOfUpload(
  upload: FormUpload | undefined,
  maxBytes: number,
  t: Translate,
): { cv?: { fileName: string; contentBase64: string }; bytes?: Buffer; error?: FieldError } {
  if (upload?.refused === 'too-large') return { error: { field: FILE_INPUT_ID, text: t('common.errors.fileTooLarge', { max: megabytes(maxBytes) }) } };
  if (upload?.refused === 'unreadable') return { error: { field: FILE_INPUT_ID, text: t('common.errors.fileUnreadable') } };
  const file = upload?.file;
  if (!file) return {};
  if (file.bytes.length === 0) return { error: { field: FILE_INPUT_ID, text: t('jobcenter.propose.errors.fileEmpty') } };
  return { cv: { fileName: file.originalName, contentBase64: file.bytes.toString('base64') }, bytes: file.bytes };
}

/**
 * The file store's refusal of the CV (type by content, size, name, a CPR number in the
 * text, a PDF that cannot be read) as the file field's error in the person's language;
 * undefined for any other error. The store's reasons are English; the catalogue speaks both.
 */
export function fileErrorOf(error: unknown, maxBytes: number, t: Translate): FieldError | undefined {
  if (!(error instanceof InvalidInputError)) return undefined;
  const details = error.details ?? {};
  if (details.field !== 'file' && details.field !== 'fileName') return undefined;
  const field = FILE_INPUT_ID;
  if ('pages' in details || 'paragraphs' in details) return { field, text: t('common.errors.fileCpr') };
  if ('maxBytes' in details) return { field, text: t('common.errors.fileTooLarge', { max: megabytes(maxBytes) }) };
  if (details.reason === 'encrypted') return { field, text: t('jobcenter.propose.errors.fileEncrypted') };
  if ('reason' in details) return { field, text: t('common.errors.fileUnreadable') };
  if (details.field === 'fileName') return { field, text: t('jobcenter.propose.errors.fileName') };
  return { field, text: t('common.errors.fileType') };
}
