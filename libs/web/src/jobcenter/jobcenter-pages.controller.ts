import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, Clock } from '@klausul/domain';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { CandidateService, JobOrderService } from '@klausul/matching';
import { translator } from '../i18n/i18n';
import { languageOf } from '../setup/page-locals';
import { renderPage } from '../setup/render-page';
import { candidateModel, jobOrderModel, nextPagePath } from './jobcenter-view';

/** Who may use the jobcenter's pages: the roles the REST API lets propose candidates. */
export const JOBCENTER_PAGE_ROLES = ['jobcenter_contact', 'employment_caseworker', 'admin'] as const;

/** Job orders on the inbox page and candidates on a job order's page. */
const PAGE_SIZE = 25;

const cursorOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The jobcenter contact's inbox and the job orders in it: what the REST API's job order
 * and candidate lists give the same actor (the jobcenter sees forwarded job orders only).
 */
@ApiExcludeController()
@WebForms()
@Roles(...JOBCENTER_PAGE_ROLES)
@Controller('jobcenter')
export class JobcenterPagesController {
  constructor(
    private readonly jobOrders: JobOrderService,
    private readonly candidates: CandidateService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async inbox(@CurrentActor() actor: Actor, @Query('cursor') cursor: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const page = await this.jobOrders.list(actor, { cursor: cursorOf(cursor), limit: PAGE_SIZE });
    const now = this.clock.now();
    renderPage(req, res, 'jobcenter/inbox.njk', {
      title: t('jobcenter.inbox.title'),
      jobOrders: page.items.map((order) => jobOrderModel(order, now, t)),
      nextPage: nextPagePath('/jobcenter', page.nextCursor),
      laterPage: cursorOf(cursor) !== undefined,
    });
  }

  @Get('job-orders/:jobOrderId')
  async jobOrder(
    @CurrentActor() actor: Actor,
    @Param('jobOrderId') jobOrderId: string,
    @Query('cursor') cursor: unknown,
    @Query('proposed') proposed: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const t = translator(languageOf(req));
    const order = await this.jobOrders.get(actor, jobOrderId);
    const candidates = await this.candidates.list(actor, order.id, { cursor: cursorOf(cursor), limit: PAGE_SIZE });
    const path = `/jobcenter/job-orders/${order.id}`;
    renderPage(req, res, 'jobcenter/job-order.njk', {
      title: order.title,
      order: jobOrderModel(order, this.clock.now(), t),
      candidates: candidates.items.map((candidate) => candidateModel(candidate, t)),
      nextPage: nextPagePath(path, candidates.nextCursor),
      laterPage: cursorOf(cursor) !== undefined,
      path,
      proposed: proposed === '1',
    });
  }
}
