import { END_REASONS } from '@klausul/matching';
import type { Language, Translate } from '../i18n/i18n';

const monthFormats = {
  da: new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A review period (`2025-03`) as a person reads it: "marts 2025", "March 2025". */
export function monthName(period: string, lang: Language): string {
  const [year, month] = period.split('-').map(Number);
  return monthFormats[lang].format(new Date(Date.UTC(year, month - 1, 15)));
}

/** The end reasons the placement workflow takes, as a select's choices (an empty first choice: nothing is chosen for the person). */
export function endReasonChoices(t: Translate): { value: string; text: string }[] {
  return [{ value: '', text: t('monthly.confirm.chooseReason') }, ...END_REASONS.map((reason) => ({ value: reason, text: t(`monthly.reasons.${reason}`) }))];
}

export function reviewStateText(state: string, t: Translate): string {
  return t(`monthly.states.${state}`);
}
