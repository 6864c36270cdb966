import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { type Actor, ConflictError } from '@klausul/domain';
import {
  CompleteParticipantDto, DropOutParticipantDto, type ParticipantView, ProposeParticipantDto, UPSKILLING_OUTCOMES, UPSKILLING_ROLES, UpskillingService,
} from '@klausul/followup';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { JobOrderService, type JobOrderListQuery, SHIFT_PATTERNS, TARGET_GROUPS } from '@klausul/matching';
import { domainErrorOf, errorsOf, type FieldError, FormBody, type FormState, type FormValues, text, validateForm, refusalStatus } from '../../forms/form';
import { type Translate, translator } from '../../i18n/i18n';
import { cvOfUpload, fieldId, fileErrorOf, inFormOrder, megabytes, proposeBody, typedValues } from '../../jobcenter/propose-form';
import type { FormRequest } from '../../setup/form-csrf.middleware';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { postedVersion } from '../job-orders/posted-version';
import { idParam } from '../unit-pages';

type EndEvent = 'complete' | 'drop_out';
const END_FIELDS = ['endDate', 'outcome', 'note'] as const;
/** The job descriptions a participant can be proposed to: open for candidates (CandidateService's OPEN_FOR_CANDIDATES), the first 100 of each. */
const OPEN_STATES = ['forwarded', 'shortlist_sent'] as const;

/**
 * A participant's end of the programme (completed with an outcome, or stopped) and its
 * proposal as a candidate on a job description (the jobcenter's propose form, with the
 * job description to choose and the participant's name filled in).
 */
@ApiExcludeController()
@WebForms()
@Roles(...UPSKILLING_ROLES)
@Controller('unit/upskilling/participants/:participantId')
export class UpskillingParticipantsController {
  constructor(
    private readonly upskilling: UpskillingService,
    private readonly jobOrders: JobOrderService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('complete')
  async completeForm(@CurrentActor() actor: Actor, @Param('participantId') participantId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.renderEnd(actor, idParam(participantId, 'upskilling_participant'), 'complete', req, res, { values: {} });
  }

  @Post('complete')
  complete(@CurrentActor() actor: Actor, @Param('participantId') participantId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.end(actor, idParam(participantId, 'upskilling_participant'), 'complete', body, req, res);
  }

  @Get('drop-out')
  async dropOutForm(@CurrentActor() actor: Actor, @Param('participantId') participantId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.renderEnd(actor, idParam(participantId, 'upskilling_participant'), 'drop_out', req, res, { values: {} });
  }

  @Post('drop-out')
  dropOut(@CurrentActor() actor: Actor, @Param('participantId') participantId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.end(actor, idParam(participantId, 'upskilling_participant'), 'drop_out', body, req, res);
  }

  @Get('propose')
  async proposeForm(@CurrentActor() actor: Actor, @Param('participantId') participantId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const participant = await this.upskilling.getParticipant(actor, idParam(participantId, 'upskilling_participant'));
    await this.renderPropose(actor, participant, req, res, { values: { ...typedValues({}), name: participant.name ?? '', jobOrderId: '' } });
  }

  @Post('propose')
  async propose(@CurrentActor() actor: Actor, @Param('participantId') participantId: string, @FormBody() form: FormValues, @Req() req: FormRequest, @Res() res: Response): Promise<void> {
    const id = idParam(participantId, 'upskilling_participant');
    const lang = languageOf(req);
    const t = translator(lang);
    const participant = await this.upskilling.getParticipant(actor, id);
    const values = { ...typedValues(form), jobOrderId: typeof form.jobOrderId === 'string' ? form.jobOrderId : '' };
    const maxBytes = this.config.files.maxUploadBytes;
    const body: FormValues = { ...proposeBody(form), ...(text(form.jobOrderId) ? { jobOrderId: text(form.jobOrderId) } : {}) };
    const upload = cvOfUpload(req.upload, maxBytes, t);
    if (upload.cv) body.cv = upload.cv;
    const checked = await validateForm(ProposeParticipantDto, body, proposeLabels(t), t, fieldId);
    const problems: FieldError[] = [...(checked.errors?.list ?? []), ...(upload.error ? [upload.error] : [])];
    if (problems.length || !checked.value) return this.renderPropose(actor, participant, req, res, { values, errors: errorsOf(inFormOrder(problems)) }, 400);
    try {
      await this.upskilling.propose(actor, id, checked.value);
    } catch (error) {
      const fileError = fileErrorOf(error, maxBytes, t);
      // A conflict on the job order is a candidacy there already (a second post of the form, say), not a stale form.
      const alreadyProposed = error instanceof ConflictError && error.details?.field === 'jobOrderId'
        ? errorsOf([{ field: 'jobOrderId', text: t('unitMatching.upskilling.propose.alreadyProposed') }])
        : undefined;
      const refusal = fileError ? errorsOf([fileError]) : (alreadyProposed ?? domainErrorOf(error, t, 'jobOrderId', lang));
      if (!refusal) throw error;
      const status = refusalStatus(error);
      return this.renderPropose(actor, participant, req, res, { values, errors: refusal }, status);
    }
    redirectAfterPost(res, `/unit/upskilling/${participant.programmeId}?saved=proposed`);
  }

  private async end(actor: Actor, id: string, event: EndEvent, body: FormValues, req: Request, res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    // The participant first: another municipality's is the 404 page, not a form error.
    const participant = await this.upskilling.getParticipant(actor, id);
    const values = Object.fromEntries(END_FIELDS.map((f) => [f, typeof body[f] === 'string' ? body[f] : '']));
    const input = Object.fromEntries(
      Object.entries({ endDate: text(body.endDate), outcome: text(body.outcome), note: text(body.note), ...postedVersion(body) }).filter(([, value]) => value !== undefined),
    );
    const labels = { endDate: t('unitMatching.upskilling.end.endDate'), outcome: t('unitMatching.upskilling.end.outcome'), note: t('unitMatching.upskilling.end.note'), expectedVersion: t('unitMatching.upskilling.programme.state') };
    const checked = event === 'complete' ? await validateForm(CompleteParticipantDto, input, labels, t) : await validateForm(DropOutParticipantDto, input, labels, t);
    if (checked.errors) return this.renderEnd(actor, participant, event, req, res, { values, errors: checked.errors }, 400);
    try {
      await this.upskilling.fire(actor, id, event, checked.value);
      redirectAfterPost(res, `/unit/upskilling/${participant.programmeId}?saved=${event === 'complete' ? 'completed' : 'droppedOut'}`);
    } catch (error) {
      const errors = domainErrorOf(error, t, 'endDate', lang);
      if (!errors) throw error;
      const status = refusalStatus(error);
      this.renderEnd(actor, await this.upskilling.getParticipant(actor, id), event, req, res, { values, errors }, status);
    }
  }

  private async renderEnd(actor: Actor, participantOrId: string | ParticipantView, event: EndEvent, req: Request, res: Response, form: FormState, status = 200): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const participant = typeof participantOrId === 'string' ? await this.upskilling.getParticipant(actor, participantOrId) : participantOrId;
    const programme = await this.upskilling.get(actor, participant.programmeId);
    const key = event === 'complete' ? 'complete' : 'dropOut';
    renderPage(
      req,
      res,
      'unit/upskilling/end.njk',
      {
        title: t(`unitMatching.upskilling.end.${key}Title`),
        event,
        action: `/unit/upskilling/participants/${participant.id}/${event === 'complete' ? 'complete' : 'drop-out'}`,
        submit: t(`unitMatching.upskilling.end.${key}Submit`),
        participant,
        programme,
        open: participant.state === 'enrolled',
        stateText: t(`unit.states.upskilling_participant.${participant.state}`),
        outcomes: [{ value: '', text: t('unitMatching.upskilling.end.choose') }, ...UPSKILLING_OUTCOMES.map((o) => ({ value: o, text: t(`unitMatching.upskilling.outcomes.${o}`) }))],
        form,
      },
      status,
    );
  }

  private async renderPropose(actor: Actor, participant: ParticipantView, req: Request, res: Response, form: FormState, status = 200): Promise<void> {
    const t = translator(languageOf(req));
    const [programme, ...pages] = await Promise.all([
      this.upskilling.get(actor, participant.programmeId),
      ...OPEN_STATES.map((state) => this.jobOrders.list(actor, { state, sort: 'candidatesDueOn', limit: 100 } as JobOrderListQuery)),
    ]);
    const jobOrders = pages.flatMap((page) => page.items);
    const labels = proposeLabels(t);
    renderPage(
      req,
      res,
      'unit/upskilling/propose.njk',
      {
        title: t('unitMatching.upskilling.propose.title'),
        participant,
        programme,
        completed: participant.state === 'completed',
        stateText: t(`unit.states.upskilling_participant.${participant.state}`),
        jobOrders: [{ value: '', text: t('unitMatching.upskilling.propose.chooseJobOrder') }, ...jobOrders.map((o) => ({ value: o.id, text: `${o.title}, ${o.supplierName}` }))],
        hasJobOrders: jobOrders.length > 0,
        form,
        labels,
        targetGroups: [{ value: '', text: t('jobcenter.propose.chooseTargetGroup') }, ...TARGET_GROUPS.map((group) => ({ value: group, text: t(`jobcenter.targetGroups.${group}`) }))],
        shifts: SHIFT_PATTERNS.map((shift) => ({ value: shift, text: t(`jobcenter.shifts.${shift}`), checked: ((form.values.preferredShifts as string[] | undefined) ?? []).includes(shift) })),
        maxSize: megabytes(this.config.files.maxUploadBytes),
      },
      status,
    );
  }
}

function proposeLabels(t: Translate): Record<string, string> {
  const label = (field: string) => t(`jobcenter.propose.fields.${field}`);
  return {
    ...Object.fromEntries(
      ['name', 'email', 'phone', 'availableWeeklyHours', 'preferredShifts', 'applicationText', 'targetGroup', 'consentGivenOn', 'consentScope', 'cv'].map((field) => [field, label(field)]),
    ),
    jobOrderId: t('unitMatching.upskilling.propose.jobOrder'),
  };
}
