import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ContractListQuery, ContractsService, PROCUREMENT_AREAS, SuppliersService, TargetsService } from '@klausul/contracts';
import { type Actor, Clock, COMPLIANCE_STATUSES, copenhagenDateOf, InvalidInputError } from '@klausul/domain';
import { FollowUpComplianceService, ReviewService } from '@klausul/followup';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { JobOrderService } from '@klausul/matching';
import { MessageService } from '@klausul/messaging';
import { text, validateForm } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { renderPage } from '../../setup/render-page';
import { cursorParam, monthText, PAGE_SIZE, pagerModel, SUPPLIER_CHOICES, supplierChoices, UNIT_ROLES } from '../unit-pages';
import { contractRow, OVERVIEW_SORTS, overviewPath, reviewStateLinks, targetsModel, type OverviewFilters } from './overview-model';

/** What "needs doing now" lists of each kind; the full lists are a link away. */
const NOW_ITEMS = 10;
const FAILED_MESSAGES = 5;
/** "Candidate deadlines in the next 5 working days." */
const DUE_WORKING_DAYS = 5;

/**
 * The unit's start page: every active contract with its figures against the requirement
 * (filtered, sorted, a page at a time), what needs doing now (job descriptions to forward,
 * candidate deadlines, the month's reviews by state, failed messages, open alerts) and the
 * year's targets. Each part is one service call, as the REST API's routes make them, run
 * in parallel (each on a pool connection of its own).
 */
@ApiExcludeController()
@WebForms()
@Controller('unit')
export class UnitOverviewController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly suppliers: SuppliersService,
    private readonly targets: TargetsService,
    private readonly followUp: FollowUpComplianceService,
    private readonly reviews: ReviewService,
    private readonly jobOrders: JobOrderService,
    private readonly messages: MessageService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...UNIT_ROLES)
  async overview(@CurrentActor() actor: Actor, @Query() params: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const filters: OverviewFilters = { area: text(params.area), supplierId: text(params.supplierId), status: text(params.status), sort: text(params.sort) };
    const cursor = cursorParam(params.cursor);
    const labels = { procurementArea: t('unitOverview.filter.area'), supplierId: t('unitOverview.filter.supplier'), status: t('unitOverview.filter.status'), sort: t('unitOverview.filter.sort'), cursor: t('unitOverview.filter.page') };
    const checked = await validateForm(
      ContractListQuery,
      { procurementArea: filters.area, supplierId: filters.supplierId, status: filters.status, sort: filters.sort ?? OVERVIEW_SORTS[0], cursor, active: 'true', limit: String(PAGE_SIZE) },
      labels,
      t,
    );
    // The filter form offers only valid choices: anything else was typed into the address (the 400 page names it).
    if (checked.errors) throw new InvalidInputError(checked.errors.list.map((e) => e.text).join('; '), { fields: checked.errors.list.map((e) => e.field) });
    const year = Number(copenhagenDateOf(this.clock.now()).slice(0, 4));
    const [page, suppliers, toForward, due, reviews, failed, alerts, targets, dashboard] = await Promise.all([
      this.contracts.list(actor, checked.value),
      this.suppliers.list(actor, { limit: SUPPLIER_CHOICES, sort: 'name' }),
      this.jobOrders.list(actor, { state: 'submitted', sort: 'createdAt', limit: NOW_ITEMS }),
      this.jobOrders.dueWithin(actor, DUE_WORKING_DAYS, { limit: NOW_ITEMS }),
      this.reviews.latestPeriod(actor).then(async (period) => ({ period, counts: await this.reviews.stateCounts(actor, period) })),
      this.messages.list(actor, { status: 'failed', limit: FAILED_MESSAGES }),
      this.contracts.openAlerts(actor, { limit: NOW_ITEMS }),
      this.targets.get(actor, year),
      this.followUp.dashboard(actor, year),
    ]);
    renderPage(req, res, 'unit/overview/overview.njk', {
      title: t('unitOverview.title'),
      filters,
      areaChoices: [{ value: '', text: t('unit.filter.all') }, ...PROCUREMENT_AREAS.map((area) => ({ value: area, text: t(`unitOverview.areas.${area}`) }))],
      supplierChoices: supplierChoices(suppliers.items, t('unit.filter.all')),
      statusChoices: [{ value: '', text: t('unit.filter.all') }, ...COMPLIANCE_STATUSES.map((status) => ({ value: status, text: t(`unit.compliance.${status}`) }))],
      sortChoices: OVERVIEW_SORTS.map((sort) => ({ value: sort, text: t(`unitOverview.sorts.${sort}`) })),
      filtered: Boolean(filters.area || filters.supplierId || filters.status),
      rows: page.items.map((contract) => contractRow(contract, t, lang)),
      pagerLinks: pagerModel(page, (next) => overviewPath(filters, next), cursor !== undefined),
      toForward: toForward.items,
      moreToForward: toForward.nextCursor !== null,
      due: due.items,
      moreDue: due.nextCursor !== null,
      reviews: { period: reviews.period, periodText: monthText(reviews.period, lang), states: reviewStateLinks(reviews.period, reviews.counts) },
      failed: failed.items,
      moreFailed: failed.nextCursor !== null,
      alerts: alerts.items,
      moreAlerts: alerts.nextCursor !== null,
      targets: targetsModel(targets, dashboard, t, lang),
    });
  }
}
