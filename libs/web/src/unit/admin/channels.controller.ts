import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, ConflictError, NotFoundError } from '@klausul/domain';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { CreateJobcenterChannelDto, JobcenterChannelService } from '@klausul/matching';
import { domainErrorOf, errorsOf, FormBody, type FormState, type FormValues, text, validateForm } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { choiceParam, cursorParam, idParam, PAGE_SIZE, pagerModel } from '../unit-pages';
import { ADMIN_ROLES, adminNavigation, confirmationErrors, listPath } from './admin-pages';

const DONE = ['created', 'removed'] as const;
const KINDS = ['email', 'webhook'] as const;

/**
 * The jobcenter channels forwarded job descriptions go to: an e-mail address or a signed
 * webhook (its secret is typed once and never shown again). A test message goes through the
 * message log like a forwarded job description, and the log filtered to the channel shows it.
 */
@ApiExcludeController()
@WebForms()
@Roles(...ADMIN_ROLES)
@Controller('unit/admin/channels')
export class ChannelsPagesController {
  constructor(private readonly channels: JobcenterChannelService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const removed = query.show === 'removed';
    await this.render(req, res, actor, { removed, cursor: cursorParam(query.cursor) }, { values: { kind: 'email' } }, 200, choiceParam(query.done, DONE));
  }

  @Post()
  async create(@CurrentActor() actor: Actor, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const kind = choiceParam(form.kind, KINDS);
    // The secret is never put back into the page, not even when the form is refused.
    const values = { kind: kind ?? text(form.kind), name: text(form.name), address: text(form.address) };
    const labels = { kind: t('unitAdmin.channels.kind'), name: t('unitAdmin.channels.name'), address: t('unitAdmin.channels.address'), secret: t('unitAdmin.channels.secret') };
    const secret = typeof form.secret === 'string' && form.secret !== '' ? form.secret : undefined;
    const body = { ...values, ...(kind === 'webhook' ? { secret } : {}) };
    const checked = await validateForm(CreateJobcenterChannelDto, body, labels, t);
    const list = { removed: false, cursor: undefined };
    if (checked.errors) return this.render(req, res, actor, list, { values, errors: checked.errors }, 400);
    try {
      await this.channels.create(actor, checked.value);
    } catch (error) {
      // The one conflict: a webhook of the same name exists already.
      if (error instanceof ConflictError) return this.render(req, res, actor, list, { values, errors: errorsOf([{ field: 'name', text: t('unitAdmin.channels.nameTaken') }]) }, 409);
      const errors = domainErrorOf(error, t, 'address', lang, labels);
      if (!errors) throw error;
      return this.render(req, res, actor, list, { values, errors }, 400);
    }
    redirectAfterPost(res, '/unit/admin/channels?done=created');
  }

  @Post(':channelId/remove')
  async remove(@CurrentActor() actor: Actor, @Param('channelId') channelId: string, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const channel = await this.channels.get(actor, idParam(channelId, 'jobcenter channel'));
    // Removed already (the form posted twice): what the person asked for is so; nothing changes.
    if (!channel.active) return redirectAfterPost(res, '/unit/admin/channels?done=removed');
    const unconfirmed = confirmationErrors(form, `confirm-${channel.id}`, t('unitAdmin.channels.removeConfirmRequired', { name: channel.name }));
    if (unconfirmed) return this.render(req, res, actor, { removed: false, cursor: undefined }, { values: { kind: 'email' }, errors: unconfirmed }, 400);
    try {
      await this.channels.deactivate(actor, channel.id);
    } catch (error) {
      // The channel was found above, so not found here means the other post removed it meanwhile.
      if (!(error instanceof NotFoundError)) throw error;
    }
    redirectAfterPost(res, '/unit/admin/channels?done=removed');
  }

  /**
   * The button's form carries `send=test` (hidden, no extra step for the person): a post without
   * it is refused (400) and sends nothing, so a stray or replayed empty post adds no message.
   */
  @Post(':channelId/test')
  async test(@CurrentActor() actor: Actor, @Param('channelId') channelId: string, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const channel = await this.channels.get(actor, idParam(channelId, 'jobcenter channel'));
    if (form.send !== 'test') {
      const errors = errorsOf([{ field: `test-${channel.id}`, text: t('unitAdmin.channels.testNotSent', { name: channel.name }) }]);
      return this.render(req, res, actor, { removed: false, cursor: undefined }, { values: { kind: 'email' }, errors }, 400);
    }
    const sent = await this.channels.sendTest(actor, channel.id);
    redirectAfterPost(res, listPath('/unit/messages', { relatedType: 'jobcenter_channel', relatedId: sent.channelId, sent: 'test' }));
  }

  private async render(
    req: Request, res: Response, actor: Actor, list: { removed: boolean; cursor?: string }, form: FormState, status: number, done?: (typeof DONE)[number],
  ): Promise<void> {
    const t = translator(languageOf(req));
    const page = await this.channels.list(actor, { active: !list.removed, cursor: list.cursor, limit: PAGE_SIZE });
    const filters = { show: list.removed ? 'removed' : undefined };
    renderPage(req, res, 'unit/admin/channels.njk', {
      title: t('unitAdmin.channels.title'),
      sideNav: adminNavigation(t, '/unit/admin/channels'),
      page,
      removed: list.removed,
      form,
      done,
      kinds: KINDS.map((kind) => ({ value: kind, text: t(`unitAdmin.channels.kinds.${kind}`) })),
      pager: pagerModel(page, (next) => listPath('/unit/admin/channels', filters, next), list.cursor !== undefined),
    }, status);
  }
}
