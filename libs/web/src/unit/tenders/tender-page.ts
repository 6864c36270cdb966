import type { Request, Response } from 'express';
import type { TenderView } from '@klausul/contracts';
import { tenderWorkflow } from '@klausul/contracts';
import { type Actor, InvalidInputError } from '@klausul/domain';
import type { UsersService } from '@klausul/identity';
import { MAX_PAGE_SIZE } from '@klausul/paging';
import type { WorkflowHistoryRepository } from '@klausul/workflow';
import { domainErrorOf, errorsOf, type FormErrors, type FormValues, refusalStatus } from '../../forms/form';

export { refusalStatus };
import { type Translate, translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { renderPage } from '../../setup/render-page';
import { historyModel, historyPeople, versionInput } from '../unit-pages';

/** The events fired by a button on the tender page; the others open a form of their own. */
export const BUTTON_EVENTS = ['start-dialogue', 'publish', 'hand-over'] as const;
/** Where each form event's page is, below /unit/tenders/:tenderId. */
export const FORM_EVENT_PATHS: Record<string, string> = {
  screen: 'screening',
  'record-meeting': 'meetings/new',
  'define-clause': 'define-clause',
  award: 'award',
  'not-suitable': 'not-suitable',
  cancel: 'cancel',
};
/** The flash after an event, by event (the `?done=` of the redirect). */
export const DONE_EVENTS = ['create', ...Object.keys(FORM_EVENT_PATHS), ...BUTTON_EVENTS] as const;

export interface TenderPageDeps {
  history: WorkflowHistoryRepository;
  users: UsersService;
}

export interface TenderPageExtra {
  done?: string;
  /** A form event's page was asked for while the event is not allowed. */
  notAllowed?: string;
  errors?: FormErrors;
}

/**
 * The version the page was shown with. Every event form carries it, so a post without one
 * (not from Klausul's page) is refused before anything happens, and a stale one is a 409.
 */
export function versionOf(body: FormValues, t: Translate): { version: number; errors?: undefined } | { version?: undefined; errors: FormErrors } {
  const version = versionInput(body);
  if (version === undefined || version < 1) return { errors: errorsOf([{ field: 'actions', text: t('unitTenders.tender.versionMissing') }]) };
  return { version };
}

/**
 * Input the service refused after the form's own checks (a meeting dated in the future, a
 * clause whose deadlines do not add up, a supplier that is not registered), named on the
 * fields it is about; anything else as domainErrorOf shows it.
 */
export function inputRefusalOf(error: unknown, t: Translate, lang: 'da' | 'en', labels: Record<string, string>, idOf: (path: string) => string = (path) => path): FormErrors | undefined {
  if (!(error instanceof InvalidInputError)) return undefined;
  const fields = Array.isArray(error.details?.fields) ? (error.details.fields as unknown[]).filter((f): f is string => typeof f === 'string') : [];
  if (/heldOn must not be in the future/.test(error.message)) return errorsOf([{ field: 'heldOn', text: t('unitTenders.meeting.future') }]);
  if (fields.length === 0) return undefined;
  return errorsOf(
    fields.map((path) => {
      const dashed = path.replace(/\./g, '-');
      const label = labels[dashed] ?? labels[idOf(dashed)] ?? dashed;
      return { field: idOf(dashed), text: lang === 'en' ? t('common.errors.invalidInput', { reason: error.message }) : t('unitTenders.fieldRefused', { field: label }) };
    }),
  );
}

/** The tender's page: facts, lots, screening, meetings, clause drafts, contracts, history, and the events allowed now. */
export async function renderTenderPage(deps: TenderPageDeps, req: Request, res: Response, actor: Actor, tender: TenderView, extra: TenderPageExtra = {}, status = 200): Promise<void> {
  const lang = languageOf(req);
  const t = translator(lang);
  const history = await deps.history.forEntity(tenderWorkflow, tender.id, actor, { limit: MAX_PAGE_SIZE });
  const names = await deps.users.displayNames(actor, historyPeople(history.items));
  const created = history.items.find((entry) => entry.event === 'create');
  const threshold = created?.input.threshold as { minDurationMonths?: number; minValueDkk?: number } | undefined;
  const base = `/unit/tenders/${tender.id}`;
  const actions = tender.allowedEvents.map((event) => ({
    event,
    text: t(`unitTenders.actions.${event}`),
    button: (BUTTON_EVENTS as readonly string[]).includes(event),
    href: (BUTTON_EVENTS as readonly string[]).includes(event) ? `${base}/${event}` : `${base}/${FORM_EVENT_PATHS[event]}`,
  }));
  renderPage(
    req,
    res,
    'unit/tenders/tender.njk',
    {
      title: tender.title,
      tender,
      lotRows: tender.lots.map((lot) => ({ ...lot, winner: tender.contracts.find((c) => c.id === lot.contractId) ?? null })),
      // The value column only when some lot has one (most tenders value the whole only).
      lotValues: tender.lots.some((lot) => lot.estimatedValueDkk !== null),
      stateText: stateText(tender.state, t),
      areaText: t(`unitTenders.areas.${tender.procurementArea}`),
      threshold: threshold ?? null,
      actions,
      timeline: historyModel(history.items, 'tender', names, t, lang),
      form: extra.errors ? { values: {}, errors: extra.errors } : undefined,
      done: extra.done ? t(`unitTenders.done.${extra.done}`) : null,
      notAllowed: extra.notAllowed ? t('unitTenders.tender.notAllowed', { event: t(`unitTenders.actions.${extra.notAllowed}`), state: stateText(tender.state, t) }) : null,
      targetGroupText: (group: string) => t(`unitTenders.targetGroups.${group}`),
      employmentFormText: (form: string) => t(`unitTenders.employmentForms.${form}`),
      willingnessText: (w: string) => t(`unitTenders.willingness.${w}`),
    },
    status,
  );
}

export function stateText(state: string, t: Translate): string {
  return t(`unit.states.tender.${state}`, { defaultValue: state });
}
