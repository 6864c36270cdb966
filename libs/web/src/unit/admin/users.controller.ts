import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SuppliersService } from '@klausul/contracts';
import { type Actor, InvalidInputError, MUNICIPALITY_ROLES } from '@klausul/domain';
import { CurrentActor, Roles, UpdateUserRequest, type UserResponse, UsersService, WebForms } from '@klausul/identity';
import { domainErrorOf, errorsOf, type FieldError, FormBody, type FormErrors, type FormState, type FormValues, text, validateForm } from '../../forms/form';
import { type Translate, translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { choiceParam, cursorParam, idParam, PAGE_SIZE, pagerModel, SUPPLIER_CHOICES, supplierChoices } from '../unit-pages';
import { ADMIN_ROLES, adminNavigation, confirmationErrors, listPath } from './admin-pages';

const ACTIVE_FILTERS = ['true', 'false'] as const;
const DONE = ['saved', 'deactivated', 'activated'] as const;

/**
 * The municipality's users: a list by role and state, and one person's page to change their
 * name, role and supplier, or to deactivate them (which ends their sessions) and activate them again.
 */
@ApiExcludeController()
@WebForms()
@Roles(...ADMIN_ROLES)
@Controller('unit/admin/users')
export class UsersPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly suppliers: SuppliersService,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const role = choiceParam(query.role, MUNICIPALITY_ROLES);
    const active = choiceParam(query.active, ACTIVE_FILTERS);
    const cursor = cursorParam(query.cursor);
    const page = await this.users.list(actor, { role, active: active === undefined ? undefined : active === 'true', cursor, limit: PAGE_SIZE });
    // The suppliers of the page's HR contacts by name: one query by their ids, however many suppliers there are.
    const suppliers = await this.suppliers.namesOf(actor, page.items.flatMap((u) => (u.supplierId ? [u.supplierId] : [])));
    const supplierNames = Object.fromEntries(suppliers.map((s) => [s.id, s.name]));
    const filters = { role, active };
    renderPage(req, res, 'unit/admin/users.njk', {
      title: t('unitAdmin.users.title'),
      sideNav: adminNavigation(t, '/unit/admin/users'),
      page,
      supplierNames,
      filters,
      roles: roleChoices(t),
      pager: pagerModel(page, (next) => listPath('/unit/admin/users', filters, next), cursor !== undefined),
    });
  }

  @Get(':userId')
  async show(@CurrentActor() actor: Actor, @Param('userId') userId: string, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.users.get(actor, idParam(userId, 'user'));
    await this.render(req, res, actor, user, { values: { displayName: user.displayName, role: user.role, supplierId: user.supplierId ?? '' } }, 200, choiceParam(done, DONE));
  }

  @Post(':userId')
  async update(@CurrentActor() actor: Actor, @Param('userId') userId: string, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const user = await this.users.get(actor, idParam(userId, 'user'));
    const values = { displayName: text(form.displayName), role: text(form.role), supplierId: text(form.supplierId) };
    const labels = { displayName: t('unitAdmin.users.name'), role: t('unitAdmin.users.role'), supplierId: t('unitAdmin.users.supplier') };
    // A supplier belongs to a supplier HR contact only: for another role the select's value is not sent on.
    const body = { ...values, ...(values.role === 'supplier_hr' ? {} : { supplierId: undefined }) };
    const checked = await validateForm(UpdateUserRequest, body, labels, t);
    const missing: FieldError[] = (['displayName', 'role'] as const).filter((f) => !values[f]).map((f) => ({ field: f, text: t('common.errors.required', { field: labels[f] }) }));
    if (checked.errors || missing.length) {
      const errors = errorsOf([...missing, ...(checked.errors?.list ?? [])]);
      return this.render(req, res, actor, user, { values, errors }, 400);
    }
    try {
      await this.users.update(actor, user.id, checked.value);
      redirectAfterPost(res, `/unit/admin/users/${user.id}?done=saved`);
    } catch (error) {
      const errors = refusalOf(error, t, actor, user) ?? domainErrorOf(error, t, 'displayName', lang, labels);
      if (!errors) throw error;
      this.render(req, res, actor, user, { values, errors }, 400);
    }
  }

  @Post(':userId/deactivate')
  deactivate(@CurrentActor() actor: Actor, @Param('userId') userId: string, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.setActive(actor, userId, form, false, req, res);
  }

  @Post(':userId/activate')
  activate(@CurrentActor() actor: Actor, @Param('userId') userId: string, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.setActive(actor, userId, form, true, req, res);
  }

  /** Deactivating ends the person's sessions (UsersService.update, one transaction); an admin cannot deactivate themself. */
  private async setActive(actor: Actor, userId: string, form: FormValues, active: boolean, req: Request, res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const user = await this.users.get(actor, idParam(userId, 'user'));
    const state = { values: { displayName: user.displayName, role: user.role, supplierId: user.supplierId ?? '' } };
    const unconfirmed = confirmationErrors(form, 'confirm', t(active ? 'unitAdmin.users.activateConfirmRequired' : 'unitAdmin.users.deactivateConfirmRequired'));
    if (unconfirmed) return this.render(req, res, actor, user, { ...state, errors: unconfirmed }, 400);
    try {
      await this.users.update(actor, user.id, { active });
      redirectAfterPost(res, `/unit/admin/users/${user.id}?done=${active ? 'activated' : 'deactivated'}`);
    } catch (error) {
      const errors = refusalOf(error, t, actor, user, 'confirm') ?? domainErrorOf(error, t, 'confirm', lang);
      if (!errors) throw error;
      this.render(req, res, actor, user, { ...state, errors }, 400);
    }
  }

  private async render(req: Request, res: Response, actor: Actor, user: UserResponse, form: FormState, status: number, done?: (typeof DONE)[number]): Promise<void> {
    const t = translator(languageOf(req));
    const suppliers = await this.suppliers.list(actor, { limit: SUPPLIER_CHOICES, sort: 'name' });
    // The person's own supplier is a choice even when it is not among the first of the register.
    const listed = suppliers.items.some((s) => s.id === user.supplierId);
    const own = user.supplierId && !listed ? await this.suppliers.namesOf(actor, [user.supplierId]) : [];
    const choices = [...own, ...suppliers.items];
    renderPage(req, res, 'unit/admin/user.njk', {
      title: user.displayName,
      sideNav: adminNavigation(t, '/unit/admin/users'),
      user,
      form,
      done,
      self: user.id === actor.userId,
      roles: [{ value: '', text: t('unitAdmin.users.chooseRole') }, ...roleChoices(t)],
      supplierChoices: supplierChoices(choices, t('unitAdmin.users.noSupplier')),
      supplierName: choices.find((s) => s.id === user.supplierId)?.name ?? null,
    }, status);
  }
}

function roleChoices(t: Translate): { value: string; text: string }[] {
  return MUNICIPALITY_ROLES.map((role) => ({ value: role, text: t(`common.roles.${role}`) }));
}

/** The service's refusals of a user change, in the person's language: one's own account, a supplier that does not fit the role. */
function refusalOf(error: unknown, t: Translate, actor: Actor, user: UserResponse, selfField?: string): FormErrors | undefined {
  if (!(error instanceof InvalidInputError)) return undefined;
  const field = typeof error.details?.field === 'string' ? error.details.field : '';
  if (user.id === actor.userId && (field === 'active' || field === 'role')) return errorsOf([{ field: selfField ?? field, text: t('unitAdmin.users.notYourself') }]);
  if (field === 'supplierId') return errorsOf([{ field: 'supplierId', text: t('unitAdmin.users.supplierRequired') }]);
  return undefined;
}
