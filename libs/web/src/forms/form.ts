import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { ConflictError, DomainError, GuardFailedError, InvalidInputError, InvalidTransitionError } from '@klausul/domain';
import { findInputProblems } from '@klausul/http';
import type { Translate } from '../i18n/i18n';

export type FormValues = Record<string, unknown>;

export interface FieldError {
  /** The id of the field the summary links to. */
  field: string;
  text: string;
}

export interface FormErrors {
  list: FieldError[];
  byField: Record<string, string>;
}

/** What a form view gets: the person's input (kept on an error) and the errors, if any. */
export interface FormState {
  values: FormValues;
  errors?: FormErrors;
}

/** The posted form fields (urlencoded or multipart), for a web controller to parse itself. */
export const FormBody = createParamDecorator((_data: unknown, context: ExecutionContext): FormValues => {
  const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
  return body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as FormValues) } : {};
});

/** Form text: trimmed, an empty field is absent. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A number typed in a form ("18,5" as well as "18.5"); what is not a number is kept as typed, so validation names it. */
export function number(value: unknown): number | string | undefined {
  const typed = text(value);
  if (typed === undefined) return undefined;
  const normalised = typed.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : typed;
}

/** A textarea with one item a line (blank lines dropped): an array of trimmed strings. */
export function lines(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '') : [];
}

/** A checkbox or a yes/no radio: true only for "true" (or "on", a checkbox without a value). */
export function bool(value: unknown): boolean {
  return value === 'true' || value === 'on';
}

/** A checkbox or a list of them: always an array of strings. */
export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

export function errorsOf(entries: FieldError[]): FormErrors {
  const byField: Record<string, string> = {};
  for (const entry of entries) byField[entry.field] ??= entry.text;
  return { list: entries.filter((entry, i) => entries.findIndex((other) => other.field === entry.field) === i), byField };
}

const firstNumber = (message: string) => /(-?\d+(?:\.\d+)?)/.exec(message)?.[1] ?? '';

/** The catalogue message of one failed class-validator constraint. */
function constraintMessage(name: string, message: string, field: string, t: Translate): string {
  switch (name) {
    case 'isNotEmpty':
    case 'isDefined':
      return t('common.errors.required', { field });
    case 'isInt':
      return t('common.errors.wholeNumber', { field });
    case 'isNumber':
    case 'isPositive':
      return t('common.errors.notANumber', { field });
    case 'min':
      return t('common.errors.tooSmall', { field, min: firstNumber(message) });
    case 'max':
      return t('common.errors.tooLarge', { field, max: firstNumber(message) });
    case 'maxLength':
      return t('common.errors.tooLong', { field, max: firstNumber(message) });
    case 'minLength':
      return t('common.errors.tooShort', { field, min: firstNumber(message) });
    case 'isDateString':
    case 'isISO8601':
    case 'isIso8601': // class-validator's name of the IsISO8601 constraint
    case 'isDate':
      return t('common.errors.notADate', { field });
    case 'isEmail':
      return t('common.errors.notAnEmail', { field });
    case 'isCvr':
      return t('common.errors.cvr', { field });
    case 'isWeeklyHours':
      return t('common.errors.weeklyHours', { field });
    case 'isEnum':
    case 'isIn':
    case 'whitelistValidation':
      return t('common.errors.notAllowed', { field });
    default:
      return t('common.errors.invalid', { field });
  }
}

/** Constraints about the kind of value: named before a range ("a whole number" before "at most 500"). */
const KIND_CONSTRAINTS = ['isInt', 'isNumber', 'isString', 'isIso8601', 'isISO8601', 'isDateString', 'isEmail', 'isIn', 'isEnum', 'isUuid', 'isBoolean', 'isWeeklyHours'];

/** The one failed constraint a field's message names: an empty field is "required", else the kind of value before its range. */
function reportedConstraint(error: ValidationError): [string, string] {
  if (error.value === undefined || error.value === null) return ['isNotEmpty', ''];
  const entries = Object.entries(error.constraints ?? {});
  return entries.find(([name]) => KIND_CONSTRAINTS.includes(name)) ?? entries[0] ?? ['invalid', ''];
}

function flatten(errors: ValidationError[], parent = ''): { path: string; error: ValidationError }[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}-${error.property}` : error.property;
    return [...(error.constraints ? [{ path, error }] : []), ...flatten(error.children ?? [], path)];
  });
}

/**
 * Checks a form as the REST API checks its body, with the same DTO: first the input hygiene
 * (no CPR number, no control characters), then class-validator. Errors come back in the
 * person's language, one per field, linked by field id (`labels` names each field).
 * `idOf` maps a DTO path (`placements-2-hours`) to the id of the input showing it, when they differ.
 */
export async function validateForm<T extends object>(
  dto: new () => T,
  values: FormValues,
  labels: Record<string, string>,
  t: Translate,
  idOf: (path: string) => string = (path) => path,
): Promise<{ value: T; errors?: undefined } | { value?: undefined; errors: FormErrors }> {
  const label = (path: string) => labels[path] ?? labels[path.split('-')[0]] ?? path;
  const entries: FieldError[] = [];
  const problems = findInputProblems(values, '', true);
  for (const [problem, paths] of problems) {
    for (const raw of paths) {
      // A line of a one-item-per-line textarea (`suitableTasks[2]`) is shown on the textarea itself.
      const path = raw.replace(/\[\d+\]$/, '').replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
      const key = problem === 'cpr' ? 'common.errors.cpr' : problem === 'control' ? 'common.errors.controlCharacter' : 'common.errors.invalid';
      entries.push({ field: idOf(path), text: t(key, { field: label(path) }) });
    }
  }
  if (entries.length) return { errors: errorsOf(entries) };
  const instance = plainToInstance(dto, values);
  const failed = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (failed.length === 0) return { value: instance };
  for (const { path, error } of flatten(failed)) {
    const [name, message] = reportedConstraint(error);
    entries.push({ field: idOf(path), text: constraintMessage(name, message, label(path), t) });
  }
  return { errors: errorsOf(entries) };
}

/** The status a refused domain action answers with: 409 stale, 400 bad input, 422 not allowed now. */
export function refusalStatus(error: unknown): number {
  return error instanceof ConflictError ? 409 : error instanceof InvalidInputError ? 400 : 422;
}

/**
 * A refusal of the domain (a stale version, a transition the state does not allow, a
 * failing rule, input that does not add up) as the form's error, in the person's language;
 * undefined for anything else (which the exception filter shows as an error page).
 * The domain's reasons are English; Danish pages show the catalogue's text for the code.
 */
export function domainErrorOf(
  error: unknown,
  t: Translate,
  fallbackField: string,
  lang: 'da' | 'en' = 'da',
  labels: Record<string, string> = {},
): FormErrors | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const field = typeof error.details?.field === 'string' ? error.details.field : fallbackField;
  // A conflict on a named field is a value someone has already (a CVR number, a tender reference); otherwise a stale version.
  if (error instanceof ConflictError) {
    if (typeof error.details?.field === 'string') return errorsOf([{ field, text: t('common.errors.duplicate', { field: labels[field] ?? field }) }]);
    return errorsOf([{ field: fallbackField, text: t('common.errors.conflict') }]);
  }
  if (error instanceof InvalidTransitionError) {
    const state = String(error.details?.state ?? '');
    // The workflow's own state names (unit.states.<workflow>.*), else the shared ones.
    const shared = t(`common.states.${state}`, { defaultValue: state });
    const named = t(`unit.states.${String(error.details?.workflow ?? '')}.${state}`, { defaultValue: shared });
    return errorsOf([{ field: fallbackField, text: t('common.errors.invalidTransition', { state: named.toLocaleLowerCase(lang === 'da' ? 'da-DK' : 'en-GB') }) }]);
  }
  if (error instanceof GuardFailedError || error instanceof InvalidInputError) {
    const key = error instanceof GuardFailedError ? 'common.errors.guardFailed' : 'common.errors.invalidInput';
    const reason = lang === 'en' ? error.message : t('common.errors.refusedReason');
    return errorsOf([{ field, text: t(key, { reason }) }]);
  }
  return undefined;
}
