import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { MessageService } from '@klausul/messaging';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { renderPage } from '../../setup/render-page';
import { ADMIN_ROLES, ADMIN_SECTIONS, adminNavigation } from './admin-pages';


/**
 * The administration's index. The admin's own delivery health is the message log filtered to
 * failed messages; the queue dashboard is the installation operator's (it shows every municipality's jobs).
 */
@ApiExcludeController()
@WebForms()
@Roles(...ADMIN_ROLES)
@Controller('unit/admin')
export class AdminIndexPagesController {
  constructor(private readonly messages: MessageService) {}

  @Get()
  async index(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const failed = await this.messages.list(actor, { status: 'failed', limit: 1 });
    renderPage(req, res, 'unit/admin/index.njk', {
      title: t('unitAdmin.index.title'),
      sideNav: adminNavigation(t, '/unit/admin'),
      sections: ADMIN_SECTIONS.map(([href, key]) => ({ href, title: t(`unitAdmin.nav.${key}`), text: t(`unitAdmin.index.sections.${key}`) })),
      hasFailed: failed.items.length > 0,
    });
  }
}
