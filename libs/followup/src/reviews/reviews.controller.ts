import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import { ConcludeReviewDto, ReviewConfirmationDto, ReviewCsvQueryDto, ReviewListQuery, ReviewRunDto, ReviewView } from './review.dto';
import { ReviewConfirmationService } from './review-confirmation.service';
import type { ReviewRunResult } from './review-run.service';
import { ReviewRunCommand } from './review-run.command';
import { ReviewRunListQuery, ReviewRunView } from './review-run.dto';
import { ReviewService } from './review.service';
import { reviewWorkflow } from './review.workflow';
import { CSV_CONTENT_TYPE, meetingPackDisposition, XLSX_CONTENT_TYPE } from '../meeting-pack/meeting-pack';
import { writeMeetingPackCsv } from '../meeting-pack/meeting-pack.csv';
import { MeetingPackService } from '../meeting-pack/meeting-pack.service';
import { writeMeetingPackXlsx } from '../meeting-pack/meeting-pack.xlsx';

const UNIT = ['admin', 'procurement_caseworker', 'employment_caseworker'] as const;

/** Monthly reviews (månedlig opfølgning). */
@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly confirmations: ReviewConfirmationService,
    private readonly runs: ReviewRunCommand,
    private readonly packs: MeetingPackService,
  ) {}

  @Post('reviews/runs')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Run a month's reviews for your municipality now: only a month that has ended (idempotent: a re-run creates nothing new)" })
  run(@CurrentActor() actor: Actor, @Body() dto: ReviewRunDto): Promise<ReviewRunResult> {
    return this.runs.run(actor, dto.period);
  }

  // Declared before reviews/:id, which would otherwise take "runs" for an id.
  @Get('reviews/runs')
  @Roles(...UNIT)
  @ApiOperation({ summary: "The municipality's monthly runs, a page at a time: when each was due, when it ran, and whether it was late" })
  @ApiPageOf(ReviewRunView)
  listRuns(@CurrentActor() actor: Actor, @Query() query: ReviewRunListQuery): Promise<Page<ReviewRunView>> {
    return this.reviews.listRuns(actor, query);
  }

  @Get('reviews')
  @Roles(...UNIT, 'supplier_hr')
  @ApiOperation({ summary: 'Reviews, a page at a time, with their placement checks; filter by period, state, supplier and contract' })
  @ApiPageOf(ReviewView)
  list(@CurrentActor() actor: Actor, @Query() query: ReviewListQuery): Promise<Page<ReviewView>> {
    return this.reviews.list(actor, query);
  }

  @Get('reviews.csv')
  @Roles(...UNIT)
  @ApiOperation({
    summary: "The month's meeting pack as CSV for Danish Excel (UTF-8 with BOM, ';', decimal comma): one line per employee with its contract's figures and the supplier's answer",
  })
  async csv(@CurrentActor() actor: Actor, @Query() query: ReviewCsvQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const csv = writeMeetingPackCsv(await this.packs.build(actor, query.period));
    res.set({ 'Content-Type': CSV_CONTENT_TYPE, 'Content-Disposition': meetingPackDisposition(query.period, 'csv'), 'Cache-Control': 'no-store' });
    return csv;
  }

  @Get('reviews.xlsx')
  @Roles(...UNIT)
  @ApiOperation({ summary: "The month's meeting pack as an Excel workbook: sheets Kontrakter and Medarbejdere, Danish headings, typed number and date cells" })
  async xlsx(@CurrentActor() actor: Actor, @Query() query: ReviewCsvQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const xlsx = await writeMeetingPackXlsx(await this.packs.build(actor, query.period));
    res.set({ 'Content-Disposition': meetingPackDisposition(query.period, 'xlsx'), 'Cache-Control': 'no-store' });
    return new StreamableFile(xlsx, { type: XLSX_CONTENT_TYPE, length: xlsx.length });
  }

  @Get('reviews/:id')
  @Roles(...UNIT, 'supplier_hr')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReviewView> {
    return this.reviews.get(actor, id);
  }

  @Get('reviews/:id/confirmation')
  @Roles('supplier_hr')
  @ApiOperation({ summary: 'The confirmation form: the placements, pre-filled from last month (supplier HR)' })
  confirmation(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReviewView> {
    return this.reviews.get(actor, id);
  }

  @Post('reviews/:id/confirmation')
  @HttpCode(200)
  @Roles(...reviewWorkflow.table.events.submit.roles)
  @ApiOperation({ summary: 'Confirm who is still employed, with hours; ended placements end (supplier HR)' })
  confirm(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReviewConfirmationDto): Promise<ReviewView> {
    return this.confirmations.confirm(actor, id, dto);
  }

  @Post('reviews/:id/correction')
  @HttpCode(200)
  @Roles(...reviewWorkflow.table.events.correct.roles)
  @ApiOperation({ summary: 'Correct the confirmation (the whole form again) until the unit concludes; the history shows what changed (supplier HR)' })
  correct(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReviewConfirmationDto): Promise<ReviewView> {
    return this.confirmations.correct(actor, id, dto);
  }

  @Post('reviews/:id/conclude')
  @HttpCode(200)
  @Roles(...reviewWorkflow.table.events.conclude.roles)
  @ApiOperation({ summary: "Conclude: discussion, challenges and actions (the unit's own), and a note to the supplier; the supplier's link stops working" })
  conclude(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ConcludeReviewDto): Promise<ReviewView> {
    return this.reviews.conclude(actor, id, dto);
  }
}
