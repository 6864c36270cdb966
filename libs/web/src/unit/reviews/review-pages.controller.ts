import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, ConflictError, InvalidInputError, InvalidTransitionError } from '@klausul/domain';
import { ConcludeReviewDto, ReviewFormService, ReviewService, reviewWorkflow, UpskillingService } from '@klausul/followup';
import { CurrentActor, Roles, UsersService, WebForms } from '@klausul/identity';
import { WorkflowHistoryRepository } from '@klausul/workflow';
import { domainErrorOf, errorsOf, FormBody, type FormState, type FormValues, list, text, validateForm } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { choiceParam, historyModel, historyPeople, idParam, monthText, UNIT_ROLES, versionInput } from '../unit-pages';
import { canConclude, concludeLabels, conclusionChecks, employeeRows, programmeChoices, REVIEW_ACTION_CHOICES } from './review-page';

/** The programmes offered in the select (a municipality runs tens). */
const PROGRAMME_CHOICES = 100;
/** A review's history is short (created, answered, corrected, concluded): one page of it. */
const HISTORY_LIMIT = 100;

/**
 * One review for the unit: what the supplier answered per employee, the unit's conclusion
 * (discussion, challenges, actions, the note to the supplier) and the history; when the
 * workflow lets this person conclude it, the form to do so (ReviewService.conclude, the
 * REST route's rules and DTO).
 */
@ApiExcludeController()
@WebForms()
@Roles(...UNIT_ROLES)
@Controller('unit/reviews/:reviewId')
export class ReviewPagesController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly forms: ReviewFormService,
    private readonly upskilling: UpskillingService,
    private readonly history: WorkflowHistoryRepository,
    private readonly users: UsersService,
  ) {}

  @Get()
  async view(@CurrentActor() actor: Actor, @Param('reviewId') reviewId: string, @Query('saved') saved: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.render(req, res, actor, idParam(reviewId, 'review'), { values: { actions: [] } }, 200, choiceParam(saved, ['concluded'] as const));
  }

  @Post('conclude')
  async conclude(@CurrentActor() actor: Actor, @Param('reviewId') reviewId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const id = idParam(reviewId, 'review');
    const lang = languageOf(req);
    const t = translator(lang);
    const values = {
      discussion: text(body.discussion),
      challenges: text(body.challenges),
      actions: list(body.actions),
      upskillingProgrammeId: text(body.upskillingProgrammeId),
      breachNote: text(body.breachNote),
      noteToSupplier: text(body.noteToSupplier),
    };
    const labels = concludeLabels(t);
    const input = Object.fromEntries(Object.entries({ ...values, expectedVersion: versionInput(body) }).filter(([, value]) => value !== undefined));
    const form = { values: { ...values, expectedVersion: typeof body.expectedVersion === 'string' ? body.expectedVersion : '' } };
    // The summary links to a field a person can reach: the first checkbox, or the discussion for the hidden version.
    const idOf = (path: string) => (path.startsWith('actions') ? 'actions-option1' : path === 'expectedVersion' ? 'discussion' : path);
    const checked = await validateForm(ConcludeReviewDto, input, labels, t, idOf);
    // Every problem at once: what the actions need is named beside what the fields lack.
    const missing = conclusionChecks(checked.errors ? (values as ConcludeReviewDto) : checked.value, t);
    if (checked.errors || missing.length) return this.render(req, res, actor, id, { ...form, errors: errorsOf([...(checked.errors?.list ?? []), ...missing]) }, 400);
    try {
      await this.reviews.conclude(actor, id, checked.value);
      redirectAfterPost(res, `/unit/reviews/${id}?saved=concluded`);
    } catch (error) {
      // A programme that is not the municipality's (a tampered select): the same words as a missing one.
      // A full programme (its last place taken since the page was shown): said on the select.
      const foreignProgramme = error instanceof InvalidInputError && error.details?.field === 'upskillingProgrammeId';
      const full = foreignProgramme && (error as InvalidInputError).details?.reason === 'programme_full';
      const errors = full
        ? errorsOf([{ field: 'upskillingProgrammeId', text: t('unitMeetings.conclude.errors.programmeFull') }])
        : foreignProgramme
          ? errorsOf(conclusionChecks({ ...checked.value, upskillingProgrammeId: undefined }, t))
          : domainErrorOf(error, t, 'discussion', lang, labels);
      if (!errors) throw error;
      const status = error instanceof ConflictError || error instanceof InvalidTransitionError ? 409 : 400;
      // Shown again with the version saved now, as the conflict text says.
      this.render(req, res, actor, id, { values: { ...form.values, expectedVersion: '' }, errors }, status);
    }
  }

  private async render(req: Request, res: Response, actor: Actor, id: string, form: FormState, status: number, saved?: 'concluded'): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const [page, history] = await Promise.all([this.forms.form(actor, id), this.history.forEntity(reviewWorkflow, id, actor, { limit: HISTORY_LIMIT })]);
    const { review } = page;
    const concludable = canConclude(review.state, actor.role);
    const [names, programmes, replacement] = await Promise.all([
      this.users.displayNames(actor, historyPeople(history.items)),
      concludable ? this.upskilling.list(actor, { limit: PROGRAMME_CHOICES }) : null,
      concludable ? this.reviews.replacementJobOrder(actor, review) : null,
    ]);
    const values = form.values.expectedVersion ? form.values : { ...form.values, expectedVersion: String(review.version) };
    renderPage(
      req,
      res,
      'unit/reviews/review.njk',
      {
        title: t('unitMeetings.review.title', { supplier: review.supplierName, month: monthText(review.period, lang) }),
        review,
        month: monthText(review.period, lang),
        // Escalated is derived (overdue past its escalation), as the month's tables show it.
        stateText: t(`unit.states.review.${review.state === 'overdue' && review.dueOn <= this.reviews.escalationCutoff() ? 'escalated' : review.state}`),
        employees: employeeRows(page.employees, new Map(review.placements.map((p) => [p.placementId, p.previousWeeklyHours])), t, lang),
        history: historyModel(history.items, 'review', names, t, lang),
        concludable,
        form: { ...form, values },
        actionChoices: REVIEW_ACTION_CHOICES.map((value) => ({ value, text: t(`unitMeetings.actions.${value}`), checked: (values.actions as string[] | undefined)?.includes(value) ?? false })),
        actionTexts: (review.actions ?? []).map((action) => t(`unitMeetings.actions.${action}`)),
        programmeChoices: programmes ? programmeChoices(programmes.items, t) : [],
        replacement,
        saved: saved ?? null,
      },
      status,
    );
  }
}
