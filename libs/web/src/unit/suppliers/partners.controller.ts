import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AddPartnerDto, ContractsService, type ContractView, PARTNER_KINDS, SuppliersService } from '@klausul/contracts';
import { type Actor, ConflictError, InvalidInputError } from '@klausul/domain';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { domainErrorOf, errorsOf, FormBody, type FormState, type FormValues, text, validateForm, refusalStatus } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { idParam, SUPPLIER_CHOICES, UNIT_ROLES } from '../unit-pages';

/**
 * A contract's partner: an RSV (registered social-economy enterprise) or a subcontractor
 * whose hires count toward the winner's clause. The select says which suppliers are RSVs.
 */
@ApiExcludeController()
@WebForms()
@Roles(...UNIT_ROLES)
@Controller('unit/contracts/:contractId/partners')
export class PartnersPagesController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly suppliers: SuppliersService,
  ) {}

  @Get('new')
  async form(@CurrentActor() actor: Actor, @Param('contractId') contractId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const contract = await this.contracts.get(actor, idParam(contractId, 'contract'));
    await this.render(req, res, actor, contract, { values: { kind: 'rsv' } }, 200);
  }

  @Post('new')
  async add(@CurrentActor() actor: Actor, @Param('contractId') contractId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const contract = await this.contracts.get(actor, idParam(contractId, 'contract'));
    const values = { supplierId: typeof body.supplierId === 'string' ? body.supplierId : '', kind: typeof body.kind === 'string' ? body.kind : '' };
    const labels = { supplierId: t('unitTenders.partner.supplier'), kind: t('unitTenders.partner.kind') };
    const checked = await validateForm(AddPartnerDto, { supplierId: text(values.supplierId), kind: text(values.kind) }, labels, t);
    if (checked.errors) return this.render(req, res, actor, contract, { values, errors: checked.errors }, 400);
    try {
      await this.contracts.addPartner(actor, contract.id, checked.value);
      redirectAfterPost(res, `/unit/contracts/${contract.id}`);
    } catch (error) {
      // The one conflict here: the supplier is a partner already. The other refusals (its own supplier, not an RSV) name the supplier field.
      const errors =
        error instanceof ConflictError
          ? errorsOf([{ field: 'supplierId', text: t('unitTenders.partner.already') }])
          : error instanceof InvalidInputError && lang === 'da'
            ? errorsOf([{ field: 'supplierId', text: t('unitTenders.partner.refused') }])
            : domainErrorOf(error, t, 'supplierId', lang);
      if (!errors) throw error;
      await this.render(req, res, actor, contract, { values, errors }, refusalStatus(error));
    }
  }

  private async render(req: Request, res: Response, actor: Actor, contract: ContractView, form: FormState, status: number): Promise<void> {
    const t = translator(languageOf(req));
    // Neither the winner itself nor a supplier that is a partner already (the service would refuse both).
    const taken = new Set([contract.supplierId, ...contract.partners.map((p) => p.supplierId)]);
    const suppliers = (await this.suppliers.list(actor, { limit: SUPPLIER_CHOICES, sort: 'name' })).items.filter((s) => !taken.has(s.id));
    const choices = [
      { value: '', text: t('unitTenders.fields.chooseSupplier') },
      ...suppliers.map((s) => ({ value: s.id, text: t(s.registeredSocialEconomy ? 'unitTenders.partner.choiceRsv' : 'unitTenders.partner.choice', { name: s.name, cvr: s.cvr }) })),
    ];
    renderPage(
      req,
      res,
      'unit/suppliers/partner.njk',
      {
        title: t('unitTenders.partner.title'),
        contract,
        form,
        choices,
        kinds: PARTNER_KINDS.map((kind) => ({ value: kind, text: t(`unitTenders.partner.kinds.${kind}`) })),
      },
      status,
    );
  }
}
