import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ClauseThresholdDto, ClauseThresholdService, TargetsService } from '@klausul/contracts';
import { type Actor, Clock, copenhagenDateOf } from '@klausul/domain';
import { FollowUpSettingsService, ReviewRunCommand, ReviewRunDto } from '@klausul/followup';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { JobcenterChannelService, MatchingSettingsDto } from '@klausul/matching';
import { domainErrorOf, FormBody, type FormState, type FormValues, number, text, validateForm } from '../../forms/form';
import { type Language, type Translate, translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { choiceParam, monthText } from '../unit-pages';
import { ADMIN_ROLES, adminNavigation, listPath } from './admin-pages';
import { endedPeriods, FollowUpSettingsForm, percentOf, shareOf, TargetsForm, targetYears } from './settings-forms';

const FORMS = ['matching', 'followUp', 'reviewRun', 'thresholds', 'targets'] as const;
type SettingsForm = (typeof FORMS)[number];
type Refused = { form: SettingsForm; state: FormState };
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The municipality's settings, one form each: the candidate deadline and data retention, the
 * monthly review run, the clause thresholds and a year's targets (the clause share typed as a percentage).
 */
@ApiExcludeController()
@WebForms()
@Roles(...ADMIN_ROLES)
@Controller('unit/admin/settings')
export class SettingsPagesController {
  constructor(
    private readonly matching: JobcenterChannelService,
    private readonly followUp: FollowUpSettingsService,
    private readonly thresholds: ClauseThresholdService,
    private readonly targets: TargetsService,
    private readonly reviewRuns: ReviewRunCommand,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const years = targetYears(this.clock.now());
    const year = Number(choiceParam(query.year, years.map(String)) ?? years[1]);
    const ran = query.done === 'reviewRun' ? { period: typeof query.period === 'string' && PERIOD.test(query.period) ? query.period : undefined, created: /^\d{1,6}$/.test(String(query.created)) ? Number(query.created) : 0 } : undefined;
    await this.render(req, res, actor, year, undefined, 200, choiceParam(query.done, FORMS), ran);
  }

  @Post('matching')
  async saveMatching(@CurrentActor() actor: Actor, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const values = {
      candidateWorkingDays: number(form.candidateWorkingDays),
      retentionUnsuccessfulMonths: number(form.retentionUnsuccessfulMonths),
      retentionPlacementMonths: number(form.retentionPlacementMonths),
    };
    const labels = {
      candidateWorkingDays: t('unitAdmin.settings.candidateWorkingDays'),
      retentionUnsuccessfulMonths: t('unitAdmin.settings.retentionUnsuccessfulMonths'),
      retentionPlacementMonths: t('unitAdmin.settings.retentionPlacementMonths'),
    };
    const checked = await validateForm(MatchingSettingsDto, values, labels, t);
    await this.save(req, res, actor, 'matching', form, checked, () => this.matching.updateSettings(actor, checked.value!), 'candidateWorkingDays');
  }

  @Post('follow-up')
  async saveFollowUp(@CurrentActor() actor: Actor, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const values = { reviewRunWorkingDay: number(form.reviewRunWorkingDay), reviewRunTime: text(form.reviewRunTime)?.replace('.', ':') };
    const labels = { reviewRunWorkingDay: t('unitAdmin.settings.reviewRunWorkingDay'), reviewRunTime: t('unitAdmin.settings.reviewRunTime') };
    const checked = await validateForm(FollowUpSettingsForm, values, labels, t);
    await this.save(req, res, actor, 'followUp', form, checked, () => this.followUp.update(actor, checked.value!), 'reviewRunWorkingDay');
  }

  /** An ended month's review run now (the scheduled run's code path, this municipality only; a re-run creates nothing new). */
  @Post('review-run')
  async runReviews(@CurrentActor() actor: Actor, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const period = choiceParam(form.period, this.periods());
    const values = { period: period ?? text(form.period) };
    const checked = await validateForm(ReviewRunDto, values, { period: t('unitAdmin.settings.period') }, t);
    let created = 0;
    await this.save(req, res, actor, 'reviewRun', form, checked, async () => {
      created = (await this.reviewRuns.run(actor, checked.value!.period)).reviewsCreated;
    }, 'period', undefined, () => ({ period: checked.value!.period, created: String(created) }));
  }

  @Post('thresholds')
  async saveThresholds(@CurrentActor() actor: Actor, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const values = { minDurationMonths: number(form.minDurationMonths), minValueDkk: number(typeof form.minValueDkk === 'string' ? form.minValueDkk.replace(/\.(?=\d{3}(?!\d))/g, '') : form.minValueDkk) };
    const labels = { minDurationMonths: t('unitAdmin.settings.minDurationMonths'), minValueDkk: t('unitAdmin.settings.minValueDkk') };
    const checked = await validateForm(ClauseThresholdDto, values, labels, t);
    await this.save(req, res, actor, 'thresholds', form, checked, () => this.thresholds.set(actor, checked.value!), 'minDurationMonths');
  }

  @Post('targets')
  async saveTargets(@CurrentActor() actor: Actor, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const years = targetYears(this.clock.now()).map(String);
    const year = choiceParam(form.year, years);
    const values = { year: year === undefined ? text(form.year) : Number(year), clauseSharePercent: number(form.clauseSharePercent), hiresUnderClauses: number(form.hiresUnderClauses) };
    const labels = { year: t('unitAdmin.settings.year'), clauseSharePercent: t('unitAdmin.settings.clauseShare'), hiresUnderClauses: t('unitAdmin.settings.hiresUnderClauses') };
    const checked = await validateForm(TargetsForm, values, labels, t);
    await this.save(req, res, actor, 'targets', form, checked, async () => {
      await this.targets.set(actor, checked.value!.year, { clauseShare: shareOf(checked.value!.clauseSharePercent), hiresUnderClauses: checked.value!.hiresUnderClauses });
    }, 'clauseSharePercent', checked.value?.year);
  }

  /** Post/redirect/get on success; the refused form is shown again with its input and errors, the other three as stored. */
  private async save(
    req: Request, res: Response, actor: Actor, which: SettingsForm, form: FormValues,
    checked: { errors?: FormState['errors'] }, store: () => Promise<unknown>, fallbackField: string, year?: number,
    outcome: () => Record<string, string> = () => ({}),
  ): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const years = targetYears(this.clock.now());
    const shownYear = year ?? Number(choiceParam(form.year, years.map(String)) ?? years[1]);
    const typed = { ...Object.fromEntries(Object.entries(form).filter(([name]) => name !== '_csrf')), ...(which === 'targets' ? { year: shownYear } : {}) };
    if (checked.errors) return this.render(req, res, actor, shownYear, { form: which, state: { values: typed, errors: checked.errors } }, 400);
    try {
      await store();
    } catch (error) {
      const errors = domainErrorOf(error, t, fallbackField, lang);
      if (!errors) throw error;
      return this.render(req, res, actor, shownYear, { form: which, state: { values: typed, errors } }, 400);
    }
    const heading = which === 'reviewRun' ? 'followUp' : which;
    redirectAfterPost(res, listPath('/unit/admin/settings', { done: which, year: which === 'targets' ? String(shownYear) : undefined, ...outcome() }) + `#${heading}-heading`);
  }

  /** The months a manual run offers (ended ones, in Copenhagen). */
  private periods(): string[] {
    return endedPeriods(copenhagenDateOf(this.clock.now()));
  }

  private async render(
    req: Request, res: Response, actor: Actor, year: number, refused: Refused | undefined, status: number, done?: SettingsForm, ran?: { period?: string; created: number },
  ): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const [matching, followUp, thresholds, targets] = await Promise.all([
      this.matching.settings(actor),
      this.followUp.get(actor),
      this.thresholds.effective(actor.municipalityId),
      this.targets.get(actor, year),
    ]);
    const stored: Record<SettingsForm, FormState> = {
      matching: { values: { ...matching } },
      followUp: { values: { ...followUp } },
      reviewRun: { values: { period: this.periods()[0] } },
      thresholds: { values: { minDurationMonths: thresholds.minDurationMonths, minValueDkk: thresholds.minValueDkk } },
      targets: { values: { year, clauseSharePercent: percentOf(targets.targets.clauseShare, lang), hiresUnderClauses: targets.targets.hiresUnderClauses ?? '' } },
    };
    const forms = refused ? { ...stored, [refused.form]: refused.state } : stored;
    renderPage(req, res, 'unit/admin/settings.njk', {
      title: t('unitAdmin.settings.title'),
      sideNav: adminNavigation(t, '/unit/admin/settings'),
      forms,
      // The error summary names the refused form's fields only.
      summary: refused?.state,
      done,
      thresholdSource: thresholds.source,
      ranText: ran?.period ? t('unitAdmin.settings.reviewRunDone', { month: monthText(ran.period, lang), count: ran.created }) : null,
      periods: this.periods().map((p) => ({ value: p, text: monthText(p, lang) })),
      progress: progressText(targets, t, lang),
      years: targetYears(this.clock.now()).map((y) => ({ value: String(y), text: String(y) })),
    }, status);
  }
}

function progressText(view: Awaited<ReturnType<TargetsService['get']>>, t: Translate, lang: Language): string {
  const share = view.progress.clauseShare === null ? '-' : `${percentOf(view.progress.clauseShare, lang)} %`;
  return t('unitAdmin.settings.progress', { year: view.year, share, withClause: view.progress.tendersWithClause, eligible: view.progress.eligibleTenders, hires: view.progress.hiresUnderClauses });
}
