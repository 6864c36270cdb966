import type { Role } from '@klausul/domain';
import type { Page } from '@klausul/paging';
import type { Language, Translate } from '../i18n/i18n';
import { formatDate } from '../setup/view-engine';

export { choiceParam, cursorParam, idParam, monthText, pagePath } from '../supplier/supplier-pages';

/** Who works in the unit's workspace: its caseworkers and the municipality's admins. */
export const UNIT_ROLES: Role[] = ['admin', 'procurement_caseworker', 'employment_caseworker'];
/** The unit's procurement side (phase 1, forwarding job descriptions), with the admins. */
export const PROCUREMENT_ROLES: Role[] = ['admin', 'procurement_caseworker'];
/** The unit's employment side (the candidate pipeline, upskilling), with the admins. */
export const EMPLOYMENT_ROLES: Role[] = ['admin', 'employment_caseworker'];
/** A list page's rows (the REST lists' default). */
export const PAGE_SIZE = 25;
/** The suppliers offered in a select, by name (a municipality has tens, not thousands). */
export const SUPPLIER_CHOICES = 200;

/** The version a form was rendered with (`expectedVersion`), so a stale form is refused by the engine, not applied. */
export function versionInput(body: Record<string, unknown>): number | undefined {
  const value = typeof body.expectedVersion === 'string' ? body.expectedVersion.trim() : '';
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** Suppliers as select choices ("Name (CVR 12345678)"), the first an empty "choose" entry. */
export function supplierChoices(suppliers: readonly { id: string; name: string; cvr: string }[], chooseText: string): { value: string; text: string }[] {
  return [{ value: '', text: chooseText }, ...suppliers.map((s) => ({ value: s.id, text: `${s.name} (CVR ${s.cvr})` }))];
}

/** One workflow transition as the history lists it (TransitionRecord of @klausul/workflow, plus its workflow when several are mixed). */
export interface HistoryInput {
  id: string;
  event: string;
  from: string | null;
  to: string;
  at: string;
  actor: { role: string; userId: string | null; apiKeyId: string | null };
  workflow?: string;
}

export interface HistoryEntry {
  id: string;
  who: string;
  role: string | null;
  when: string;
  /** The time as a machine reads it (the `<time datetime>`). */
  at: string;
  event: string;
  from: string | null;
  to: string;
}

/**
 * A page of history as the timeline macro shows it: who (by name, from
 * UsersService.displayNames), when, which event, from which state to which; event and
 * state texts from `unit.events.<workflow>.*` and `unit.states.<workflow>.*`.
 */
export function historyModel(entries: readonly HistoryInput[], workflow: string, names: ReadonlyMap<string, string>, t: Translate, lang: Language): HistoryEntry[] {
  return entries.map((entry) => {
    const flow = entry.workflow ?? workflow;
    const personId = entry.actor.userId ?? entry.actor.apiKeyId;
    const who = personId ? (names.get(personId) ?? t('unit.history.unknownPerson')) : t('unit.history.system');
    const state = (name: string | null) => (name ? t(`unit.states.${flow}.${name}`, { defaultValue: name }) : null);
    const time = new Date(entry.at);
    const clock = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' }).format(time);
    return {
      id: entry.id,
      who,
      // Klausul's own jobs act as the system: no role beside "Klausul (automatic)".
      role: personId ? t(`common.roles.${entry.actor.role}`, { defaultValue: entry.actor.role }) : null,
      when: `${formatDate(entry.at, lang)} ${clock}`,
      at: time.toISOString(),
      event: t(`unit.events.${flow}.${entry.event}`, { defaultValue: entry.event }),
      from: state(entry.from),
      to: state(entry.to) ?? entry.to,
    };
  });
}

/** The ids a page of history names, for one UsersService.displayNames call. */
export function historyPeople(entries: readonly HistoryInput[]): { userIds: (string | null)[]; apiKeyIds: (string | null)[] } {
  return { userIds: entries.map((e) => e.actor.userId), apiKeyIds: entries.map((e) => e.actor.apiKeyId) };
}

/** First and next page links of a keyset list. */
export function pagerModel<T>(page: Page<T>, path: (cursor?: string) => string, laterPage: boolean): { first: string | null; next: string | null } {
  return { first: laterPage ? path() : null, next: page.nextCursor ? path(page.nextCursor) : null };
}
