import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@klausul/domain';
import { API_KEY_ROLES, ApiKeysService, CreateApiKeyRequest, CurrentActor, Roles, WebForms } from '@klausul/identity';
import { domainErrorOf, FormBody, type FormState, type FormValues, text, validateForm } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { choiceParam, cursorParam, idParam, PAGE_SIZE, pagePath, pagerModel } from '../unit-pages';
import { ADMIN_ROLES, adminNavigation, confirmationErrors } from './admin-pages';

const DONE = ['revoked'] as const;

/**
 * API keys of the municipality's integrations. A new key is shown once, on the answer to the
 * form itself (never stored in the clear, never cached); revoking asks for a confirmation.
 */
@ApiExcludeController()
@WebForms()
@Roles(...ADMIN_ROLES)
@Controller('unit/admin/api-keys')
export class ApiKeysPagesController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query('cursor') cursor: unknown, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.render(req, res, actor, cursorParam(cursor), { values: { role: '' } }, 200, choiceParam(done, DONE));
  }

  @Post()
  async create(@CurrentActor() actor: Actor, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const values = { name: text(form.name), role: text(form.role) };
    const labels = { name: t('unitAdmin.apiKeys.name'), role: t('unitAdmin.apiKeys.role') };
    const checked = await validateForm(CreateApiKeyRequest, values, labels, t);
    if (checked.errors) return this.render(req, res, actor, undefined, { values, errors: checked.errors }, 400);
    const created = await this.apiKeys.create(actor, checked.value);
    // The key exists in the clear only in this answer: no cache may keep it.
    res.setHeader('Cache-Control', 'no-store');
    renderPage(req, res, 'unit/admin/api-key-created.njk', { title: t('unitAdmin.apiKeys.createdTitle'), sideNav: adminNavigation(t, '/unit/admin/api-keys'), created });
  }

  @Post(':apiKeyId/revoke')
  async revoke(@CurrentActor() actor: Actor, @Param('apiKeyId') apiKeyId: string, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const key = await this.apiKeys.get(actor, idParam(apiKeyId, 'API key'));
    const unconfirmed = confirmationErrors(form, `confirm-${key.id}`, t('unitAdmin.apiKeys.revokeConfirmRequired', { name: key.name }));
    if (unconfirmed) return this.render(req, res, actor, undefined, { values: { role: '' }, errors: unconfirmed }, 400);
    try {
      await this.apiKeys.revoke(actor, key.id);
    } catch (error) {
      const errors = domainErrorOf(error, t, `confirm-${key.id}`, lang);
      if (!errors) throw error;
      return this.render(req, res, actor, undefined, { values: { role: '' }, errors }, 400);
    }
    redirectAfterPost(res, '/unit/admin/api-keys?done=revoked');
  }

  private async render(req: Request, res: Response, actor: Actor, cursor: string | undefined, form: FormState, status: number, done?: (typeof DONE)[number]): Promise<void> {
    const t = translator(languageOf(req));
    const page = await this.apiKeys.list(actor, { cursor, limit: PAGE_SIZE });
    renderPage(req, res, 'unit/admin/api-keys.njk', {
      title: t('unitAdmin.apiKeys.title'),
      sideNav: adminNavigation(t, '/unit/admin/api-keys'),
      page,
      form,
      done,
      roles: [{ value: '', text: t('unitAdmin.apiKeys.chooseRole') }, ...API_KEY_ROLES.map((role) => ({ value: role, text: t(`common.roles.${role}`) }))],
      pager: pagerModel(page, (next) => pagePath('/unit/admin/api-keys', next), cursor !== undefined),
    }, status);
  }
}
