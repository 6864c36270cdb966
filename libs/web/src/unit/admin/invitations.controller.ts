import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SuppliersService } from '@klausul/contracts';
import { type Actor, ConflictError, isUuid, MUNICIPALITY_ROLES, type Role } from '@klausul/domain';
import { CurrentActor, InvitationService, InviteRequest, Roles, WebForms } from '@klausul/identity';
import { domainErrorOf, errorsOf, FormBody, type FormState, type FormValues, text, validateForm } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { cursorParam, PAGE_SIZE, SUPPLIER_CHOICES, supplierChoices } from '../unit-pages';
import { adminNavigation } from './admin-pages';

/** Who may invite: an admin anyone of the municipality, a procurement caseworker supplier HR contacts. */
export const INVITERS = ['admin', 'procurement_caseworker'] as const satisfies readonly Role[];

/**
 * Invitations: an admin invites anyone of the municipality, a procurement caseworker a
 * supplier's HR contacts. The person gets a single-use link and chooses their own password.
 */
@ApiExcludeController()
@WebForms()
@Controller('unit/invitations')
export class InvitationsPagesController {
  constructor(
    private readonly invitations: InvitationService,
    private readonly suppliers: SuppliersService,
  ) {}

  @Get()
  @Roles(...INVITERS)
  async list(@CurrentActor() actor: Actor, @Query('cursor') cursor: unknown, @Query('sent') sent: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const page = await this.invitations.list(actor, { cursor: cursorParam(cursor), limit: PAGE_SIZE });
    renderPage(req, res, 'unit/admin/invitations.njk', {
      title: t('unit.invitations.title'), page, sent: sent === '1', laterPage: cursorParam(cursor) !== undefined, sideNav: sideNavOf(actor, t),
    });
  }

  @Get('new')
  @Roles(...INVITERS)
  async form(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    // A link may preselect the role and supplier (the supplier page's "Invite HR contact"); one not offered is ignored.
    const role = rolesOf(actor).find((r) => r === query.role);
    const supplierId = typeof query.supplierId === 'string' && isUuid(query.supplierId) ? query.supplierId : undefined;
    await this.render(req, res, actor, (choices) => ({
      values: {
        role: role ?? (actor.role === 'admin' ? '' : 'supplier_hr'),
        ...(supplierId && choices.some((c) => c.value === supplierId) ? { supplierId } : {}),
      },
    }), 200);
  }

  @Post('new')
  @Roles(...INVITERS)
  async invite(@CurrentActor() actor: Actor, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const values = {
      email: text(form.email),
      displayName: text(form.displayName),
      role: actor.role === 'admin' ? text(form.role) : 'supplier_hr',
      supplierId: text(form.supplierId),
    };
    const labels = { email: t('unit.invitations.email'), displayName: t('unit.invitations.name'), role: t('unit.invitations.role'), supplierId: t('unit.invitations.supplier') };
    const body = { ...values, ...(values.role === 'supplier_hr' ? {} : { supplierId: undefined }) };
    const checked = await validateForm(InviteRequest, body, labels, t);
    if (checked.errors) return this.render(req, res, actor, { values, errors: checked.errors }, 400);
    try {
      await this.invitations.invite(actor, checked.value);
      redirectAfterPost(res, '/unit/invitations?sent=1');
    } catch (error) {
      // The one conflict of an invitation: the address already has an account.
      if (error instanceof ConflictError) return this.render(req, res, actor, { values, errors: errorsOf([{ field: 'email', text: t('unit.invitations.taken') }]) }, 409);
      const errors = domainErrorOf(error, t, 'email', lang);
      if (!errors) throw error;
      this.render(req, res, actor, { values, errors }, 400);
    }
  }

  /** The invitation form; `form` may be given as a function of the supplier choices, to preselect only one offered. */
  private async render(
    req: Request, res: Response, actor: Actor, form: FormState | ((choices: { value: string; text: string }[]) => FormState), status: number,
  ): Promise<void> {
    const t = translator(languageOf(req));
    const roles = rolesOf(actor).map((role) => ({ value: role, text: t(`common.roles.${role}`) }));
    const suppliers = await this.suppliers.list(actor, { limit: SUPPLIER_CHOICES, sort: 'name' });
    const choices = supplierChoices(suppliers.items, t('unit.invitations.noSupplier'));
    renderPage(req, res, 'unit/admin/invite.njk', {
      title: t('unit.invitations.newTitle'),
      form: typeof form === 'function' ? form(choices) : form,
      roles,
      supplierChoices: choices,
      admin: actor.role === 'admin',
      sideNav: sideNavOf(actor, t),
    }, status);
  }
}

/** The roles the actor may invite to. */
function rolesOf(actor: Actor): readonly Role[] {
  return actor.role === 'admin' ? MUNICIPALITY_ROLES : ['supplier_hr'];
}

/** An admin sees the administration's side navigation; a procurement caseworker comes here from the unit's menu. */
function sideNavOf(actor: Actor, t: ReturnType<typeof translator>) {
  return actor.role === 'admin' ? adminNavigation(t, '/unit/invitations') : null;
}
