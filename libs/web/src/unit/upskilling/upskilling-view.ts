import type { ParticipantView, ProgrammeView } from '@klausul/followup';
import type { Language, Translate } from '../../i18n/i18n';
import { formatDate } from '../../setup/view-engine';

/** The flash messages of the upskilling pages (`?saved=`). */
export const UPSKILLING_SAVED = ['created', 'enrolled', 'completed', 'droppedOut', 'proposed'] as const;

/** A programme as the pages show it: places as text (never a bar alone), partners by name. */
export function programmeRow(programme: ProgrammeView, t: Translate) {
  return {
    ...programme,
    durationText: t('unitMatching.upskilling.months', { count: programme.maxDurationMonths }),
    placesText: t('unitMatching.upskilling.programme.places', { enrolled: programme.enrolled, capacity: programme.capacity, left: programme.placesLeft }),
    partnersText: programme.partners.length ? programme.partners.map((p) => p.name).join(', ') : t('unitMatching.upskilling.noPartners'),
    full: programme.placesLeft === 0,
  };
}

/** A participant as the programme's table shows it, with the actions its state allows. */
export function participantRow(participant: ParticipantView, t: Translate, lang: Language) {
  const name = participant.name ?? t('unitMatching.pipeline.erased');
  return {
    ...participant,
    name,
    stateText: t(`unit.states.upskilling_participant.${participant.state}`),
    periodText: t('unitMatching.upskilling.programme.until', {
      start: formatDate(participant.startDate, lang),
      end: formatDate(participant.endDate ?? participant.plannedEndDate, lang),
    }),
    outcomeText: participant.outcome ? t(`unitMatching.upskilling.outcomes.${participant.outcome}`) : '',
    candidaciesText: participant.candidates.length ? t('unitMatching.upskilling.programme.candidacy', { count: participant.candidates.length }) : '',
    canEnd: participant.state === 'enrolled',
    canPropose: participant.state === 'completed',
  };
}
