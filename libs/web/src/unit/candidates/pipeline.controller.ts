import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor } from '@klausul/domain';
import { UpskillingService } from '@klausul/followup';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { CandidateService, type CandidateView, JobOrderService } from '@klausul/matching';
import { domainErrorOf, errorsOf, FormBody, type FormValues, text, validateForm, refusalStatus } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { choiceParam, cursorParam, idParam, PAGE_SIZE, UNIT_ROLES } from '../unit-pages';
import { unitJobOrderEvents } from '../job-orders/job-order-page';
import { postedVersion } from '../job-orders/posted-version';
import { candidateCard, MOVE_EVENTS, MOVE_ROLES, MoveCandidateForm, moveFieldId, type MoveProblem, movesOf, PIPELINE_STAGES } from './pipeline-page';

type Stage = (typeof PIPELINE_STAGES)[number];

/**
 * A job description's candidate pipeline for the unit: every stage with its count and
 * its first candidates (or one stage a page at a time), each card with what the unit
 * sees (target group, consent, the reason for declining) and the moves this role may
 * make now; the CV as a file. Reads go through CandidateService, so the access log
 * records every candidate shown and every CV opened.
 */
@ApiExcludeController()
@WebForms()
@Controller('unit')
export class UnitPipelineController {
  constructor(
    private readonly jobOrders: JobOrderService,
    private readonly candidates: CandidateService,
    private readonly upskilling: UpskillingService,
  ) {}

  @Get('job-orders/:jobOrderId/candidates')
  @Roles(...UNIT_ROLES)
  async pipeline(
    @CurrentActor() actor: Actor,
    @Param('jobOrderId') jobOrderId: string,
    @Query('state') state: unknown,
    @Query('cursor') cursor: unknown,
    @Query('moved') moved: unknown,
    @Query('candidate') candidate: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const done = choiceParam(moved, MOVE_EVENTS);
    await this.render(actor, idParam(jobOrderId, 'job_order'), req, res, {
      stage: choiceParam(state, PIPELINE_STAGES),
      cursor: cursorParam(cursor),
      moved: done && typeof candidate === 'string' ? { event: done, candidateId: candidate } : undefined,
    });
  }

  /** One route for every move: a select cannot change a form's action without JavaScript. The event is checked against the workflow's table. */
  @Post('candidates/:candidateId/event')
  @Roles(...MOVE_ROLES)
  async move(@CurrentActor() actor: Actor, @Param('candidateId') candidateId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const id = idParam(candidateId, 'candidate');
    const lang = languageOf(req);
    const t = translator(lang);
    const current = await this.candidates.get(actor, id);
    const values = { event: typeof body.event === 'string' ? body.event : '', note: typeof body.note === 'string' ? body.note : '' };
    const input = { event: text(body.event), note: text(body.note), ...postedVersion(body) };
    const labels = { event: t('unitMatching.pipeline.move.event'), note: t('unitMatching.pipeline.move.note'), expectedVersion: t('unitMatching.jobOrder.state') };
    const checked = await validateForm(MoveCandidateForm, input, labels, t, (path) => moveFieldId(id, path === 'expectedVersion' ? 'event' : path));
    const refuse = (errors: MoveProblem['errors'], status: number) =>
      this.render(actor, current.jobOrderId, req, res, { problem: { candidateId: id, values, errors }, refused: current, status });
    if (checked.errors) {
      // The reason is named as the page asks for it, not as "required".
      const noteMissing = input.event === 'decline' && input.note === undefined;
      const errors = noteMissing ? errorsOf([...checked.errors.list.filter((e) => e.field !== moveFieldId(id, 'note')), { field: moveFieldId(id, 'note'), text: t('unitMatching.pipeline.move.noteRequired') }]) : checked.errors;
      return refuse(errors, 400);
    }
    const { event, note, expectedVersion } = checked.value;
    if (!movesOf(current.state, actor.role).includes(event)) {
      const state = t(`unit.states.candidate.${current.state}`);
      return refuse(errorsOf([{ field: moveFieldId(id, 'event'), text: t('common.errors.invalidTransition', { state }) }]), 422);
    }
    try {
      await this.candidates.fire(actor, id, event, { expectedVersion, ...(event === 'decline' ? { note } : {}) });
      redirectAfterPost(res, `/unit/job-orders/${current.jobOrderId}/candidates?moved=${event}&candidate=${id}`);
    } catch (error) {
      const errors = domainErrorOf(error, t, moveFieldId(id, 'event'), lang);
      if (!errors) throw error;
      await refuse(errors, refusalStatus(error));
    }
  }

  /** The CV: a PDF opens in the browser, a Word or OpenDocument file downloads; never sniffed, never cached. */
  @Get('candidates/:candidateId/cv')
  @Roles(...UNIT_ROLES)
  async cv(@CurrentActor() actor: Actor, @Param('candidateId') candidateId: string, @Res() res: Response): Promise<void> {
    const file = await this.candidates.cv(actor, idParam(candidateId, 'candidate'));
    const inline = file.mediaType === 'application/pdf';
    res.setHeader('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', file.originalName));
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(file.content);
  }

  private async render(
    actor: Actor,
    jobOrderId: string,
    req: Request,
    res: Response,
    model: { stage?: Stage; cursor?: string; moved?: { event: string; candidateId: string }; problem?: MoveProblem; refused?: CandidateView; status?: number },
  ): Promise<void> {
    const t = translator(languageOf(req));
    const [order, counts] = await Promise.all([this.jobOrders.get(actor, jobOrderId), this.candidates.stageCounts(actor, jobOrderId)]);
    const shown: readonly Stage[] = model.stage ? [model.stage] : PIPELINE_STAGES.filter((stage) => counts[stage] > 0);
    // One query a stage shown (at most seven), never one a candidate.
    const pages = await Promise.all(
      shown.map((stage) => this.candidates.list(actor, jobOrderId, { state: stage, limit: PAGE_SIZE, ...(model.stage ? { cursor: model.cursor } : {}) })),
    );
    const base = `/unit/job-orders/${order.id}/candidates`;
    const items = pages.map((page) => page.items);
    // A refused move on a candidate beyond its stage's first page: its card is added, so the error shows where it belongs.
    const refused = model.refused;
    if (refused && !items.flat().some((c) => c.id === refused.id) && PIPELINE_STAGES.includes(refused.state as Stage)) {
      const at = shown.indexOf(refused.state as Stage);
      if (at >= 0) items[at] = [...items[at], refused];
    }
    const participantIds = items.flat().map((c) => c.upskillingParticipantId).filter((id): id is string => !!id);
    const programmes = await this.upskilling.programmesOf(actor, participantIds);
    const stages = PIPELINE_STAGES.map((stage) => {
      const at = shown.indexOf(stage);
      const page = pages[at];
      const stageText = t(`unit.states.candidate.${stage}`);
      return {
        stage,
        text: stageText,
        count: counts[stage],
        shown: shown.includes(stage),
        cards: (items[at] ?? []).map((c) => ({ ...candidateCard(c, actor.role, t), programme: c.upskillingParticipantId ? (programmes.get(c.upskillingParticipantId) ?? null) : null })),
        more: page?.nextCursor ? `${base}?state=${stage}&cursor=${encodeURIComponent(page.nextCursor)}` : null,
        first: model.stage === stage && model.cursor ? `${base}?state=${stage}` : null,
      };
    });
    const movedCard = model.moved ? stages.flatMap((s) => s.cards).find((c) => c.id === model.moved!.candidateId) : undefined;
    renderPage(
      req,
      res,
      'unit/candidates/pipeline.njk',
      {
        title: t('unitMatching.pipeline.title', { title: order.title }),
        order,
        stages,
        stageOnly: model.stage ? t(`unit.states.candidate.${model.stage}`) : null,
        base,
        canRelease: unitJobOrderEvents(order.state, actor.role).includes('send_shortlist'),
        moved: model.moved
          ? t('unitMatching.pipeline.saved', { name: movedCard?.name ?? t('unitMatching.pipeline.aCandidate'), event: t(`unit.events.candidate.${model.moved.event}`) })
          : null,
        problem: model.problem
          ? {
              ...model.problem,
              // The card's fields by their names, as the form macros look them up.
              fieldErrors: Object.fromEntries(Object.entries(model.problem.errors.byField).map(([field, message]) => [field.replace(`move-${model.problem!.candidateId}-`, ''), message])),
            }
          : null,
        summary: model.problem ? { errors: model.problem.errors } : null,
        fieldIdOf: moveFieldId,
      },
      model.status ?? 200,
    );
  }
}

/** `inline` or `attachment` with the file's name (ASCII fallback, and the UTF-8 name for æ, ø, å). */
function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
