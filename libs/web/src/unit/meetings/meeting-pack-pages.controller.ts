import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@klausul/domain';
import {
  CSV_CONTENT_TYPE, isPeriod, meetingPackDisposition, MeetingPackService, writeMeetingPackCsv, writeMeetingPackXlsx, XLSX_CONTENT_TYPE,
} from '@klausul/followup';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { renderStatusPage } from '../../errors/status-page';
import { UNIT_ROLES } from '../unit-pages';

/**
 * The month's meeting pack as files for the meeting: an Excel workbook and a CSV for Danish
 * Excel (MeetingPackService, as GET /api/v1/reviews.xlsx and .csv). Names of people: never
 * kept in a cache.
 */
@ApiExcludeController()
@WebForms()
@Roles(...UNIT_ROLES)
@Controller('unit/meetings/:period')
export class MeetingPackPagesController {
  constructor(private readonly packs: MeetingPackService) {}

  @Get('pack.xlsx')
  async xlsx(@CurrentActor() actor: Actor, @Param('period') period: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!isPeriod(period)) return renderStatusPage(req, res, 400, 'badRequest');
    const file = await writeMeetingPackXlsx(await this.packs.build(actor, period));
    res.set({ 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': meetingPackDisposition(period, 'xlsx'), 'Cache-Control': 'no-store' }).send(file);
  }

  @Get('pack.csv')
  async csv(@CurrentActor() actor: Actor, @Param('period') period: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!isPeriod(period)) return renderStatusPage(req, res, 400, 'badRequest');
    const file = writeMeetingPackCsv(await this.packs.build(actor, period));
    res.set({ 'Content-Type': CSV_CONTENT_TYPE, 'Content-Disposition': meetingPackDisposition(period, 'csv'), 'Cache-Control': 'no-store' }).send(file);
  }
}
