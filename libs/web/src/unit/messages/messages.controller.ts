import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { MESSAGE_DELIVERY_STATUSES, MessageListQuery, MessageService, type MessageView } from '@klausul/messaging';
import type { Page } from '@klausul/paging';
import { errorsOf, type FormErrors, text, validateForm } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { choiceParam, idParam, PAGE_SIZE, pagerModel, UNIT_ROLES } from '../unit-pages';
import { listPath, unitPageOf } from '../admin/admin-pages';

const DONE = ['retried'] as const;

/**
 * The message log (formidlingslog): every e-mail and webhook message Klausul sent for the
 * municipality, by delivery status, kind and subject; one message's text as sent (links that
 * carry a secret masked); a failed message can be put back in line.
 */
@ApiExcludeController()
@WebForms()
@Roles(...UNIT_ROLES)
@Controller('unit/messages')
export class MessagesPagesController {
  constructor(private readonly messages: MessageService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const filters = { status: text(query.status), template: text(query.template), relatedType: text(query.relatedType), relatedId: text(query.relatedId) };
    const cursor = text(query.cursor);
    const labels = { status: t('unitAdmin.messages.status'), template: t('unitAdmin.messages.template'), relatedType: t('unitAdmin.messages.relatedType'), relatedId: t('unitAdmin.messages.relatedType'), cursor: t('unitAdmin.messages.title') };
    const checked = await validateForm(MessageListQuery, { ...filters, cursor }, labels, t);
    const errors: FormErrors | undefined = checked.errors;
    const page: Page<MessageView> = checked.value ? await this.messages.list(actor, { ...checked.value, limit: PAGE_SIZE }) : { items: [], nextCursor: null };
    renderPage(req, res, 'unit/messages/list.njk', {
      title: t('unitAdmin.messages.title'),
      form: { values: filters, errors },
      page,
      sentTest: query.sent === 'test',
      statuses: [{ value: '', text: t('unit.filter.all') }, ...MESSAGE_DELIVERY_STATUSES.map((s) => ({ value: s, text: t(`unitAdmin.messages.statuses.${s}`) }))],
      pager: pagerModel(page, (next) => listPath('/unit/messages', filters, next), cursor !== undefined),
    }, errors ? 400 : 200);
  }

  @Get(':messageId')
  async show(@CurrentActor() actor: Actor, @Param('messageId') messageId: string, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const message = await this.messages.get(actor, idParam(messageId, 'message'));
    this.render(req, res, actor, message, undefined, 200, choiceParam(done, DONE));
  }

  /** Offered only for a failed message; any other is left as it is and the page says why. */
  @Post(':messageId/retry')
  async retry(@CurrentActor() actor: Actor, @Param('messageId') messageId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const message = await this.messages.get(actor, idParam(messageId, 'message'));
    if (message.deliveryStatus !== 'failed') {
      return this.render(req, res, actor, message, errorsOf([{ field: 'retry', text: t('unitAdmin.messages.notFailed') }]), 409);
    }
    await this.messages.retry(actor, message.id);
    redirectAfterPost(res, `/unit/messages/${message.id}?done=retried`);
  }

  private render(req: Request, res: Response, actor: Actor, message: MessageView, errors: FormErrors | undefined, status: number, done?: (typeof DONE)[number]): void {
    const t = translator(languageOf(req));
    renderPage(req, res, 'unit/messages/message.njk', {
      title: message.subject,
      message,
      form: { values: {}, errors },
      done,
      relatedPage: message.related ? unitPageOf(message.related.type, message.related.id, actor.role === 'admin') : null,
      relatedText: message.related ? t(`unitAdmin.audit.subjects.${message.related.type}`, { defaultValue: message.related.type }) : null,
    }, status);
  }
}
