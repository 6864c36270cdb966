import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, Clock } from '@klausul/domain';
import { CurrentActor, Roles, UsersService, WebForms } from '@klausul/identity';
import { CandidateService, JobcenterChannelService, type JobOrderListQuery, JobOrderService } from '@klausul/matching';
import { WorkflowHistoryRepository } from '@klausul/workflow';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { renderPage } from '../../setup/render-page';
import { choiceParam, cursorParam, idParam, PAGE_SIZE, pagerModel, UNIT_ROLES } from '../unit-pages';
import { deadlineOf, type JobOrderPageServices, renderJobOrderPage, SAVED_EVENTS, unitJobOrderEvents, unitRolesOf } from './job-order-page';

/** The lists of the job description page: what procurement forwards, what the jobcenter works on, and all. */
export const JOB_ORDER_VIEWS = ['to-forward', 'forwarded', 'all'] as const;
type JobOrderListView = (typeof JOB_ORDER_VIEWS)[number];

const VIEW_QUERIES: Record<JobOrderListView, Pick<JobOrderListQuery, 'state' | 'sort'>> = {
  // Oldest first: the supplier has waited longest for those.
  'to-forward': { state: 'submitted', sort: 'createdAt' },
  // Soonest deadline first, as the jobcenter's inbox reads.
  forwarded: { state: 'forwarded', sort: 'candidatesDueOn' },
  all: { sort: '-createdAt' },
};

/**
 * The unit's job descriptions: the lists, one job description with its history and the
 * forms of the events this role may fire now, and the pages that confirm closing and
 * cancelling. The forms post to UnitJobOrderEventsController.
 */
@ApiExcludeController()
@WebForms()
@Roles(...UNIT_ROLES)
@Controller('unit/job-orders')
export class UnitJobOrdersController {
  private readonly services: JobOrderPageServices;

  constructor(jobOrders: JobOrderService, candidates: CandidateService, channels: JobcenterChannelService, history: WorkflowHistoryRepository, users: UsersService, clock: Clock) {
    this.services = { jobOrders, candidates, channels, history, users, clock };
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query('view') view: unknown, @Query('cursor') cursor: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    // The employment side starts where its work is: the forwarded job descriptions.
    const chosen = choiceParam(view, JOB_ORDER_VIEWS) ?? (actor.role === 'employment_caseworker' ? 'forwarded' : 'to-forward');
    const after = cursorParam(cursor);
    const page = await this.services.jobOrders.list(actor, { ...VIEW_QUERIES[chosen], cursor: after, limit: PAGE_SIZE } as JobOrderListQuery);
    const now = this.services.clock.now();
    const path = (next?: string) => `/unit/job-orders?view=${chosen}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`;
    renderPage(req, res, 'unit/job-orders/list.njk', {
      title: t('unitMatching.list.title'),
      view: chosen,
      views: JOB_ORDER_VIEWS.map((name) => ({ name, text: t(`unitMatching.list.views.${name}`), path: `/unit/job-orders?view=${name}`, current: name === chosen })),
      rows: page.items.map((order) => ({
        ...order,
        stateText: t(`unit.states.job_order.${order.state}`),
        deadlineText: deadlineOf(order, now, t, lang),
      })),
      pager: pagerModel(page, path, after !== undefined),
    });
  }

  @Get(':jobOrderId')
  async view(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @Query('saved') saved: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    await renderJobOrderPage(this.services, req, res, actor, idParam(jobOrderId, 'job_order'), { saved: choiceParam(saved, SAVED_EVENTS) });
  }

  @Get(':jobOrderId/close')
  @Roles(...unitRolesOf('close'))
  closeForm(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.confirmForm(actor, idParam(jobOrderId, 'job_order'), 'close', req, res);
  }

  @Get(':jobOrderId/cancel')
  @Roles(...unitRolesOf('cancel'))
  cancelForm(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.confirmForm(actor, idParam(jobOrderId, 'job_order'), 'cancel', req, res);
  }

  /** Closing and cancelling ask first; one the state does not allow shows the job description instead. */
  private async confirmForm(actor: Actor, id: string, event: 'close' | 'cancel', req: Request, res: Response): Promise<void> {
    const order = await this.services.jobOrders.get(actor, id);
    if (!unitJobOrderEvents(order.state, actor.role).includes(event)) return renderJobOrderPage(this.services, req, res, actor, id);
    const t = translator(languageOf(req));
    renderPage(req, res, 'unit/job-orders/confirm.njk', { title: t(`unitMatching.confirm.${event}Title`), order, event });
  }
}
