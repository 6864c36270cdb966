import { type FormValues, number } from '../../forms/form';

/**
 * The hidden version field of an event form as posted: a number, or the text itself so that
 * validation names it (versionInput of unit-pages drops what is not a number, so a tampered
 * field would fire the event unchecked). Absent, the event is not version-checked, as in REST.
 */
export function postedVersion(body: FormValues): { expectedVersion?: number | string } {
  const version = number(body.expectedVersion);
  return version === undefined ? {} : { expectedVersion: version };
}
