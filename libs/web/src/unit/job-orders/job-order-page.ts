import type { Request, Response } from 'express';
import type { Actor, Clock, Role } from '@klausul/domain';
import type { UsersService } from '@klausul/identity';
import { type CandidateService, type JobcenterChannelService, type JobOrderEvent, type JobOrderService, type JobOrderState, jobOrderWorkflow, type JobOrderView, RETRYABLE_STATES } from '@klausul/matching';
import { allowedEvents, type WorkflowHistoryRepository } from '@klausul/workflow';
import type { FormErrors, FormValues } from '../../forms/form';
import { type Language, type Translate, translator } from '../../i18n/i18n';
import { deadlineStatus, deadlineText } from '../../jobcenter/jobcenter-view';
import { languageOf } from '../../setup/page-locals';
import { renderPage } from '../../setup/render-page';
import { formatDate } from '../../setup/view-engine';
import { historyModel, historyPeople, UNIT_ROLES } from '../unit-pages';
import { jobOrderFacts } from '../../supplier/job-order-facts';

/** The job order events the unit's pages offer (edit, revise and submit are the supplier's). */
export const UNIT_JOB_ORDER_EVENTS = ['forward', 'return', 'send_shortlist', 'close', 'reopen', 'cancel'] as const;
export type UnitJobOrderEvent = (typeof UNIT_JOB_ORDER_EVENTS)[number];

/** The unit's roles an event of the job order table allows (close and cancel are the supplier's too, on its own pages). */
export function unitRolesOf(event: UnitJobOrderEvent): Role[] {
  const roles: readonly Role[] = jobOrderWorkflow.table.events[event].roles;
  return UNIT_ROLES.filter((role) => roles.includes(role));
}

/** What this role may do with the job description now, from the workflow's own table. */
export function unitJobOrderEvents(state: string, role: Role): UnitJobOrderEvent[] {
  const events = allowedEvents(jobOrderWorkflow.table, state as JobOrderState, role) as JobOrderEvent[];
  return UNIT_JOB_ORDER_EVENTS.filter((event) => events.includes(event));
}

/** The flash messages a redirect after an event may name (`?saved=`). */
export const SAVED_EVENTS = ['forwarded', 'returned', 'shortlistSent', 'closed', 'reopened', 'cancelled', 'retried'] as const;
export type SavedEvent = (typeof SAVED_EVENTS)[number];

/** The jobcenter's deadline as text: the date and the working days left (or passed), none once it is not running. */
export function deadlineOf(order: Pick<JobOrderView, 'state' | 'candidatesDueOn'>, now: Date, t: Translate, lang: Language): string {
  if (order.state !== 'forwarded' || !order.candidatesDueOn) return t('unitMatching.deadline.none');
  return t('unitMatching.deadline.on', { date: formatDate(order.candidatesDueOn, lang), status: deadlineText(deadlineStatus(order.candidatesDueOn, now), t) });
}

/** The services the job description page reads (passed by each controller that renders it). */
export interface JobOrderPageServices {
  jobOrders: JobOrderService;
  candidates: CandidateService;
  channels: JobcenterChannelService;
  history: WorkflowHistoryRepository;
  users: UsersService;
  clock: Clock;
}

/** Which of the page's forms a refusal belongs to, with the person's input kept. */
export interface FormProblem {
  form: 'forward' | 'return' | 'actions';
  values?: FormValues;
  errors: FormErrors;
}

/** A job description's page for the unit: its fields, deadlines, delivery, history and the forms of the events allowed now. */
export async function renderJobOrderPage(
  services: JobOrderPageServices,
  req: Request,
  res: Response,
  actor: Actor,
  id: string,
  model: { saved?: SavedEvent; problem?: FormProblem; status?: number } = {},
): Promise<void> {
  const lang = languageOf(req);
  const t = translator(lang);
  const order = await services.jobOrders.get(actor, id);
  const events = unitJobOrderEvents(order.state, actor.role);
  // Once forwarded the jobcenter may have proposed candidates, and they stay after closing or cancelling.
  const showCandidates = order.forwardedAt !== null;
  const needChannels = events.includes('forward') || order.forwardChannelIds !== null;
  const [history, channels, counts] = await Promise.all([
    services.history.forEntity(jobOrderWorkflow, id, actor, { limit: 100 }),
    needChannels ? services.channels.list(actor, { limit: 50 }) : null,
    showCandidates ? services.candidates.stageCounts(actor, id) : null,
  ]);
  const names = await services.users.displayNames(actor, historyPeople(history.items));
  const channelNames = new Map((channels?.items ?? []).map((channel) => [channel.id, channel.name]));
  const forwardValues = model.problem?.form === 'forward' ? model.problem.values : undefined;
  const ticked = (channelId: string) => (forwardValues ? ((forwardValues.channelIds as string[] | undefined) ?? []).includes(channelId) : true);
  renderPage(
    req,
    res,
    'unit/job-orders/job-order.njk',
    {
      title: order.title,
      order: {
        ...order,
        stateText: t(`unit.states.job_order.${order.state}`),
        deliveryText: t(`unitMatching.jobOrder.deliveryStates.${order.deliveryStatus}`),
        shiftText: t(`supplier.shifts.${order.shiftPattern}`),
        deadlineText: deadlineOf(order, services.clock.now(), t, lang),
        channelsText:
          order.forwardChannelIds === null
            ? t('unitMatching.jobOrder.allChannels')
            : order.forwardChannelIds.map((channelId) => channelNames.get(channelId) ?? t('unitMatching.jobOrder.removedChannel')).join(', '),
      },
      events,
      // Only while the jobcenter searches: a closed or cancelled description is never sent again (JobOrderService.retry refuses it too).
      canRetry: order.deliveryStatus === 'failed' && RETRYABLE_STATES.includes(order.state),
      showCandidates,
      candidateCount: counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : 0,
      shortlisted: counts?.shortlisted ?? 0,
      channelChoices: (channels?.items ?? []).map((channel) => ({ value: channel.id, label: `${channel.name} (${channel.address})`, checked: ticked(channel.id) })),
      history: historyModel(history.items, 'job_order', names, t, lang),
      saved: model.saved ?? null,
      problem: model.problem ?? null,
      facts: jobOrderFacts(order, t),
    },
    model.status ?? 200,
  );
}
