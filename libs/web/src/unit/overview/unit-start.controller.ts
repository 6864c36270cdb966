import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { MATCHMAKING_UNIT } from '@klausul/domain';
import { Roles, WebForms } from '@klausul/identity';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { renderPage } from '../../setup/render-page';

/**
 * The start page of the matchmaking unit and the admins. Their workspace (overview,
 * tenders, matching, the monthly meeting, administration) is the next step of the web
 * UI; until then this page says so and points to the REST API they use today.
 */
@ApiExcludeController()
@WebForms()
@Controller('unit')
export class UnitStartController {
  @Get()
  @Roles(...MATCHMAKING_UNIT, 'admin')
  start(@Req() req: Request, @Res() res: Response): void {
    renderPage(req, res, 'unit/overview/start.njk', { title: translator(languageOf(req))('unit.start.title') });
  }
}
