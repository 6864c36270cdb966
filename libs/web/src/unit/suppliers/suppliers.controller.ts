import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ContractsService, CreateSupplierDto, SuppliersService, type SupplierView, UpdateSupplierDto } from '@klausul/contracts';
import { type Actor, InvalidInputError, type Role } from '@klausul/domain';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { bool, domainErrorOf, errorsOf, FormBody, type FormState, type FormValues, text, validateForm, refusalStatus } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { INVITERS } from '../admin/invitations.controller';
import { choiceParam, cursorParam, idParam, PAGE_SIZE, pagerModel, UNIT_ROLES } from '../unit-pages';

const SEARCH_MAX = 100;
const RSV_FILTERS = ['true', 'false'] as const;

/** The municipality's register of suppliers (CVR, RSV flag): the list with a search, a new supplier, a supplier's page. */
@ApiExcludeController()
@WebForms()
@Roles(...UNIT_ROLES)
@Controller('unit/suppliers')
export class SuppliersPagesController {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly contracts: ContractsService,
  ) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query('q') q: unknown,
    @Query('rsv') rsv: unknown,
    @Query('cursor') cursor: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const t = translator(languageOf(req));
    // The search is a prefix of the name or CVR: anything else (too long, not text) searches for nothing rather than failing.
    const search = typeof q === 'string' ? q.trim().slice(0, SEARCH_MAX).replace(/\p{Cc}/gu, '') : '';
    const onlyRsv = choiceParam(rsv, RSV_FILTERS);
    const after = cursorParam(cursor);
    const page = await this.suppliers.list(actor, { q: search || undefined, rsv: onlyRsv === undefined ? undefined : onlyRsv === 'true', cursor: after, limit: PAGE_SIZE, sort: 'name' });
    const path = (next?: string) => {
      const query = new URLSearchParams({ ...(search ? { q: search } : {}), ...(onlyRsv ? { rsv: onlyRsv } : {}), ...(next ? { cursor: next } : {}) }).toString();
      return query ? `/unit/suppliers?${query}` : '/unit/suppliers';
    };
    renderPage(req, res, 'unit/suppliers/list.njk', {
      title: t('unitTenders.suppliers.title'),
      rows: page.items,
      search,
      rsv: onlyRsv ?? '',
      rsvChoices: [
        { value: '', text: t('unitTenders.suppliers.rsvAll') },
        { value: 'true', text: t('unitTenders.suppliers.rsvOnly') },
        { value: 'false', text: t('unitTenders.suppliers.rsvNot') },
      ],
      pager: pagerModel(page, path, after !== undefined),
    });
  }

  @Get('new')
  newForm(@Req() req: Request, @Res() res: Response): void {
    this.renderNew(req, res, { values: {} }, 200);
  }

  @Post('new')
  async create(@CurrentActor() actor: Actor, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const values = { cvr: typeof body.cvr === 'string' ? body.cvr : '', name: typeof body.name === 'string' ? body.name : '', registeredSocialEconomy: bool(body.registeredSocialEconomy) };
    const labels = { cvr: t('unitTenders.suppliers.cvr'), name: t('unitTenders.suppliers.name'), registeredSocialEconomy: t('unitTenders.suppliers.rsv') };
    const checked = await validateForm(CreateSupplierDto, { cvr: text(values.cvr), name: text(values.name), registeredSocialEconomy: values.registeredSocialEconomy }, labels, t);
    if (checked.errors) return this.renderNew(req, res, { values, errors: checked.errors }, 400);
    try {
      const created = await this.suppliers.create(actor, checked.value);
      redirectAfterPost(res, `/unit/suppliers/${created.id}?created=1`);
    } catch (error) {
      // A CVR number already registered is named on its field.
      const errors = domainErrorOf(error, t, 'cvr', lang, labels);
      if (!errors) throw error;
      this.renderNew(req, res, { values, errors }, refusalStatus(error));
    }
  }

  @Get(':supplierId')
  async view(
    @CurrentActor() actor: Actor,
    @Param('supplierId') supplierId: string,
    @Query('created') created: unknown,
    @Query('updated') updated: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const t = translator(languageOf(req));
    const supplier = await this.suppliers.get(actor, idParam(supplierId, 'supplier'));
    const contracts = await this.contracts.list(actor, { supplierId: supplier.id, limit: PAGE_SIZE });
    renderPage(req, res, 'unit/suppliers/supplier.njk', {
      title: supplier.name,
      supplier,
      contracts: contracts.items,
      moreContracts: contracts.nextCursor !== null && contracts.nextCursor !== undefined,
      created: created === '1',
      updated: updated === '1',
      canInvite: (INVITERS as readonly Role[]).includes(actor.role),
      inviteHref: `/unit/invitations/new?role=supplier_hr&supplierId=${supplier.id}`,
      phaseText: (phase: string) => t(`unitTenders.phases.${phase}`, { defaultValue: phase }),
    });
  }

  @Get(':supplierId/edit')
  async editForm(@CurrentActor() actor: Actor, @Param('supplierId') supplierId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const supplier = await this.suppliers.get(actor, idParam(supplierId, 'supplier'));
    this.renderEdit(req, res, supplier, { values: { name: supplier.name, registeredSocialEconomy: supplier.registeredSocialEconomy } }, 200);
  }

  @Post(':supplierId/edit')
  async edit(@CurrentActor() actor: Actor, @Param('supplierId') supplierId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const supplier = await this.suppliers.get(actor, idParam(supplierId, 'supplier'));
    const values = { name: typeof body.name === 'string' ? body.name : '', registeredSocialEconomy: bool(body.registeredSocialEconomy) };
    const labels = { name: t('unitTenders.suppliers.name'), registeredSocialEconomy: t('unitTenders.suppliers.rsvLabel') };
    const checked = await validateForm(UpdateSupplierDto, { name: text(values.name), registeredSocialEconomy: values.registeredSocialEconomy }, labels, t);
    if (checked.errors) return this.renderEdit(req, res, supplier, { values, errors: checked.errors }, 400);
    try {
      await this.suppliers.update(actor, supplier.id, checked.value);
      redirectAfterPost(res, `/unit/suppliers/${supplier.id}?updated=1`);
    } catch (error) {
      // The one refusal: an RSV partner of a contract stays an RSV.
      const errors = error instanceof InvalidInputError ? errorsOf([{ field: 'registeredSocialEconomy', text: t('unitTenders.suppliers.stillRsvPartner') }]) : domainErrorOf(error, t, 'name', lang, labels);
      if (!errors) throw error;
      this.renderEdit(req, res, supplier, { values, errors }, 400);
    }
  }

  private renderEdit(req: Request, res: Response, supplier: SupplierView, form: FormState, status: number): void {
    const t = translator(languageOf(req));
    renderPage(req, res, 'unit/suppliers/edit.njk', { title: t('unitTenders.suppliers.editTitle', { name: supplier.name }), supplier, form }, status);
  }

  private renderNew(req: Request, res: Response, form: FormState, status: number): void {
    const t = translator(languageOf(req));
    renderPage(req, res, 'unit/suppliers/new.njk', { title: t('unitTenders.suppliers.newTitle'), form }, status);
  }
}
