import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@klausul/domain';
import { isPeriod, ReviewFormService, ReviewService } from '@klausul/followup';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { renderPage } from '../../setup/render-page';
import { cursorParam, monthText, PAGE_SIZE, UNIT_ROLES } from '../unit-pages';
import { PERIOD_TABLES, type PeriodTable, periodTable, tableOf, tablePath, tableQuery } from './period-tables';

/** The months the period select offers (the municipality's latest runs). */
const PERIOD_CHOICES = 24;

/**
 * The month's reviews for the unit's monthly meeting: the counts by state, then one table
 * per state, the escalated and overdue ones first, each with what the supplier answered
 * (who left, whose hours changed, its notes). `state` (+ `escalated`) shows one table with
 * its pages; the tables' answers are read in one query.
 */
@ApiExcludeController()
@WebForms()
@Roles(...UNIT_ROLES)
@Controller('unit/reviews')
export class ReviewPeriodPagesController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly forms: ReviewFormService,
  ) {}

  @Get()
  async period(
    @CurrentActor() actor: Actor,
    @Query('period') periodQuery: unknown,
    @Query('state') state: unknown,
    @Query('escalated') escalated: unknown,
    @Query('cursor') cursorQuery: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const period = isPeriod(periodQuery) ? periodQuery : await this.reviews.latestPeriod(actor);
    const only = tableOf(state, escalated);
    const cursor = only ? cursorParam(cursorQuery) : undefined;
    const shown: readonly PeriodTable[] = only ? [only] : PERIOD_TABLES;
    const [counts, runs, ...pages] = await Promise.all([
      this.reviews.stateCounts(actor, period),
      this.reviews.listRuns(actor, { limit: PERIOD_CHOICES }),
      ...shown.map((table) => this.reviews.list(actor, { period, ...tableQuery(table), limit: PAGE_SIZE, cursor })),
    ]);
    const answers = await this.forms.answersOf(actor, pages.flatMap((page) => page.items.map((review) => review.id)), period);
    const countOf: Record<PeriodTable, number> = { ...counts, overdue: counts.overdue - counts.escalated };
    const tables = shown.map((table, i) => periodTable(table, countOf[table], pages[i], answers, period, t, lang));
    const periods = [...new Set([period, ...runs.items.map((run) => run.period)])].sort().reverse();
    renderPage(req, res, 'unit/reviews/period.njk', {
      title: t('unitMeetings.period.title', { month: monthText(period, lang) }),
      period,
      periodChoices: periods.map((value) => ({ value, text: monthText(value, lang) })),
      counts: PERIOD_TABLES.map((table) => ({ key: table, text: t(`unitMeetings.tables.${table}`), count: countOf[table] })),
      total: counts.awaiting_supplier + counts.submitted + counts.overdue + counts.concluded,
      tables,
      only: only ?? null,
      tablePager: only ? { first: cursor ? tablePath(period, only) : null, next: tables[0].more } : null,
      allPath: `/unit/reviews?period=${encodeURIComponent(period)}`,
      pack: { xlsx: `/unit/meetings/${period}/pack.xlsx`, csv: `/unit/meetings/${period}/pack.csv` },
    });
  }
}
