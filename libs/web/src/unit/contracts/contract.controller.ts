import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ComplianceService, ContractsService } from '@klausul/contracts';
import { type Actor, InvalidInputError } from '@klausul/domain';
import { ContractHistoryService, FollowUpComplianceService, ReviewService } from '@klausul/followup';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { JobOrderService, PlacementListQuery, PlacementService, placementWorkflow } from '@klausul/matching';
import { text, validateForm } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { renderPage } from '../../setup/render-page';
import { cursorParam, historyModel, idParam, PAGE_SIZE, pagerModel, UNIT_ROLES } from '../unit-pages';
import { clauseModels, figuresModel, jobOrderRows, placementRows, retentionRows, reviewRows, withKinds } from './contract-model';

/** The contract page shows the six newest reviews; the review list has the rest. */
const REVIEWS_SHOWN = 6;

/**
 * A contract as the unit follows it: its clauses and how far each is met today (what
 * counts and what does not, and why), partners, retention, the monthly series as a chart
 * with the same figures in a table, job orders, placements, reviews and the history of
 * every change; and the full lists of job orders, placements and history a page at a time.
 */
@ApiExcludeController()
@WebForms()
@Roles(...UNIT_ROLES)
@Controller('unit/contracts')
export class UnitContractController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly compliance: ComplianceService,
    private readonly followUp: FollowUpComplianceService,
    private readonly placements: PlacementService,
    private readonly jobOrders: JobOrderService,
    private readonly reviews: ReviewService,
    private readonly history: ContractHistoryService,
  ) {}

  @Get(':contractId')
  async view(@CurrentActor() actor: Actor, @Param('contractId') contractId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const id = idParam(contractId, 'contract');
    const lang = languageOf(req);
    const t = translator(lang);
    // All at once: each read refuses another municipality's contract (404) on its own.
    const [contract, compliance, figures, placements, jobOrders, reviews, history] = await Promise.all([
      this.contracts.get(actor, id),
      this.compliance.compliance(actor, id),
      this.followUp.figures(actor, id),
      this.placements.listOfContract(actor, id, { limit: PAGE_SIZE }),
      this.jobOrders.list(actor, { contractId: id, limit: PAGE_SIZE }),
      this.reviews.list(actor, { contractId: id, sort: '-period', limit: REVIEWS_SHOWN }),
      this.history.page(actor, id, { limit: PAGE_SIZE }),
    ]);
    const names = new Map(placements.items.map((p) => [p.id, p.employeeName]));
    renderPage(req, res, 'unit/contracts/contract.njk', {
      title: contract.tenderTitle,
      contract,
      // "delaftalerne 1, 2, 3 og 4" in the lead.
      lotsText: new Intl.ListFormat(lang === 'da' ? 'da-DK' : 'en-GB', { type: 'conjunction' }).format(contract.lotNumbers.map(String)),
      clauses: clauseModels(contract, compliance, names, t, lang),
      totals: compliance.totals,
      figures: figuresModel(figures.periods, t, lang),
      retention: retentionRows(figures.retention, lang),
      placements: placementRows(placements.items, t),
      morePlacements: placements.nextCursor !== null,
      jobOrders: jobOrderRows(jobOrders.items, t),
      moreJobOrders: jobOrders.nextCursor !== null,
      reviews: reviewRows(reviews.items, t, lang),
      history: withKinds(historyModel(history.page.items, 'tender', history.names, t, lang), history.page.items.map((e) => e.workflow), t),
      moreHistory: history.page.nextCursor !== null,
    });
  }

  @Get(':contractId/placements')
  async placementList(
    @CurrentActor() actor: Actor,
    @Param('contractId') contractId: string,
    @Query('state') state: unknown,
    @Query('cursor') cursor: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const id = idParam(contractId, 'contract');
    const t = translator(languageOf(req));
    const chosen = text(state);
    const checked = await validateForm(PlacementListQuery, { state: chosen, cursor: cursorParam(cursor), limit: String(PAGE_SIZE) }, { state: t('unitOverview.placements.state') }, t);
    // A state not in the select was typed into the address: the 400 page.
    if (checked.errors) throw new InvalidInputError(checked.errors.list.map((e) => e.text).join('; '), { fields: ['state'] });
    const [contract, page] = await Promise.all([this.contracts.get(actor, id), this.placements.listOfContract(actor, id, checked.value)]);
    const path = (next?: string) => {
      const query = new URLSearchParams();
      if (chosen) query.set('state', chosen);
      if (next) query.set('cursor', next);
      const search = query.toString();
      return `/unit/contracts/${id}/placements${search ? `?${search}` : ''}`;
    };
    renderPage(req, res, 'unit/contracts/placements.njk', {
      title: t('unitOverview.placements.title', { contract: contract.tenderTitle }),
      contract,
      placements: placementRows(page.items, t),
      filters: { state: chosen ?? '' },
      stateChoices: [{ value: '', text: t('unit.filter.all') }, ...placementWorkflow.table.states.map((s) => ({ value: s, text: t(`unit.states.placement.${s}`) }))],
      pagerLinks: pagerModel(page, path, checked.value.cursor !== undefined),
    });
  }

  @Get(':contractId/job-orders')
  async jobOrderList(@CurrentActor() actor: Actor, @Param('contractId') contractId: string, @Query('cursor') cursor: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const id = idParam(contractId, 'contract');
    const t = translator(languageOf(req));
    const after = cursorParam(cursor);
    const [contract, page] = await Promise.all([this.contracts.get(actor, id), this.jobOrders.list(actor, { contractId: id, cursor: after, limit: PAGE_SIZE })]);
    const path = (next?: string) => `/unit/contracts/${id}/job-orders${next ? `?cursor=${encodeURIComponent(next)}` : ''}`;
    renderPage(req, res, 'unit/contracts/job-orders.njk', {
      title: t('unitOverview.jobOrders.listTitle', { contract: contract.tenderTitle }),
      contract,
      jobOrders: jobOrderRows(page.items, t),
      pagerLinks: pagerModel(page, path, after !== undefined),
    });
  }

  @Get(':contractId/history')
  async historyList(@CurrentActor() actor: Actor, @Param('contractId') contractId: string, @Query('cursor') cursor: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const id = idParam(contractId, 'contract');
    const lang = languageOf(req);
    const t = translator(lang);
    const after = cursorParam(cursor);
    const [contract, history] = await Promise.all([this.contracts.get(actor, id), this.history.page(actor, id, { limit: PAGE_SIZE, cursor: after })]);
    const path = (next?: string) => `/unit/contracts/${id}/history${next ? `?cursor=${encodeURIComponent(next)}` : ''}`;
    renderPage(req, res, 'unit/contracts/history.njk', {
      title: t('unitOverview.history.title', { contract: contract.tenderTitle }),
      contract,
      history: withKinds(historyModel(history.page.items, 'tender', history.names, t, lang), history.page.items.map((e) => e.workflow), t),
      pagerLinks: pagerModel(history.page, path, after !== undefined),
    });
  }
}
