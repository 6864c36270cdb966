import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ContractView } from '@klausul/contracts';
import { ContractsService } from '@klausul/contracts';
import type { Actor } from '@klausul/domain';
import { type ContractConfirmation, NextConfirmationService } from '@klausul/followup';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { JobOrderService, OpenJobOrdersService } from '@klausul/matching';
import { type Language, type Translate, translator } from '../i18n/i18n';
import { languageOf } from '../setup/page-locals';
import { renderPage } from '../setup/render-page';
import { jobOrderRow } from './job-order-form';
import { cursorParam, monthText, pagePath, SUPPLIER_ROLE } from './supplier-pages';

/** Contracts on one start page; a supplier has few, the rest are a "show more" away. */
const CONTRACTS_PER_PAGE = 10;
const OPEN_JOB_ORDERS_SHOWN = 20;
const JOB_ORDERS_PER_PAGE = 25;

/**
 * The supplier HR contact's start page: its contracts with the clause, today's count and
 * the next monthly confirmation, and its open job descriptions; and the list of all its
 * job descriptions. Every figure comes from the services the REST API uses, scoped by them
 * to the contact's own supplier.
 */
@ApiExcludeController()
@WebForms()
@Roles(SUPPLIER_ROLE)
@Controller('supplier')
export class SupplierStartController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly confirmations: NextConfirmationService,
    private readonly openJobOrders: OpenJobOrdersService,
    private readonly jobOrders: JobOrderService,
  ) {}

  @Get()
  async start(@CurrentActor() actor: Actor, @Query('cursor') cursor: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const page = await this.contracts.list(actor, { limit: CONTRACTS_PER_PAGE, cursor: cursorParam(cursor) });
    const [confirmations, openJobOrders] = await Promise.all([
      this.confirmations.forContracts(actor, page.items),
      this.openJobOrders.list(actor, { limit: OPEN_JOB_ORDERS_SHOWN }),
    ]);
    const contracts = page.items.map((contract) => contractModel(contract, confirmations.get(contract.id), t, lang));
    renderPage(req, res, 'supplier/start.njk', {
      title: t('supplier.start.title'),
      supplierName: page.items[0]?.supplierName ?? null,
      contracts,
      awaiting: contracts.map((c) => c.confirmation.awaiting).filter((a) => a !== null),
      morePath: page.nextCursor ? pagePath('/supplier', page.nextCursor) : null,
      firstPath: cursorParam(cursor) ? '/supplier' : null,
      jobOrders: openJobOrders.items.map((order) => jobOrderRow(order, t)),
      moreJobOrders: openJobOrders.nextCursor !== null,
    });
  }

  @Get('job-orders')
  async list(@CurrentActor() actor: Actor, @Query('cursor') cursor: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const page = await this.jobOrders.list(actor, { limit: JOB_ORDERS_PER_PAGE, cursor: cursorParam(cursor) });
    renderPage(req, res, 'supplier/job-orders.njk', {
      title: t('supplier.jobOrders.title'),
      jobOrders: page.items.map((order) => jobOrderRow(order, t)),
      morePath: page.nextCursor ? pagePath('/supplier/job-orders', page.nextCursor) : null,
      firstPath: cursorParam(cursor) ? '/supplier/job-orders' : null,
    });
  }
}

/** A contract card: the clause's terms, today's count and the next confirmation, as text. */
function contractModel(contract: ContractView, confirmation: ContractConfirmation | undefined, t: Translate, lang: Language) {
  const awaiting = confirmation?.awaiting ?? null;
  const upcoming = confirmation?.upcoming ?? null;
  const compliance = contract.compliance;
  return {
    ...contract,
    lotsText: contract.lotNumbers.length ? t('supplier.start.lots', { lots: contract.lotNumbers.join(', ') }) : null,
    clauses: contract.clauses.map((clause) => ({
      lot: clause.lotNumber,
      hires: clause.requiredHires,
      hours: clause.requiredWeeklyHours,
    })),
    compliance: compliance
      ? {
          ...compliance,
          statusText: t(`supplier.compliance.${compliance.status}`),
          met: compliance.status === 'on_track',
        }
      : null,
    confirmation: {
      awaiting: awaiting
        ? { ...awaiting, tenderTitle: contract.tenderTitle, periodText: monthText(awaiting.period, lang), path: `/supplier/reviews/${awaiting.reviewId}` }
        : null,
      upcoming: upcoming ? { ...upcoming, periodText: monthText(upcoming.period, lang) } : null,
    },
    newJobOrderPath: `/supplier/contracts/${contract.id}/job-orders/new`,
    employeesPath: `/supplier/contracts/${contract.id}/employees`,
  };
}
