import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { type Actor, Clock, ConflictError, InvalidInputError } from '@klausul/domain';
import { UploadValidator } from '@klausul/files';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { CandidateService, JobOrderService, type JobOrderView, ProposeCandidateDto, SHIFT_PATTERNS, TARGET_GROUPS } from '@klausul/matching';
import { domainErrorOf, errorsOf, type FieldError, FormBody, type FormState, type FormValues, validateForm } from '../forms/form';
import { type Translate, translator } from '../i18n/i18n';
import type { FormRequest } from '../setup/form-csrf.middleware';
import { languageOf } from '../setup/page-locals';
import { redirectAfterPost, renderPage } from '../setup/render-page';
import { JOBCENTER_PAGE_ROLES } from './jobcenter-pages.controller';
import { jobOrderModel } from './jobcenter-view';
import { cvOfUpload, fieldId, fileErrorOf, inFormOrder, megabytes, proposeBody, typedValues } from './propose-form';

/** The status of a refused proposal's page: the domain's own (409 stale, 422 not allowed now), 400 for input. */
function statusOf(error: unknown): number {
  if (error instanceof ConflictError) return 409;
  if (error instanceof InvalidInputError) return 400;
  return 422;
}

/**
 * The jobcenter proposes a citizen for a job order, with CV: the REST create-candidate
 * DTO as a form (multipart, for the file), checked by the DTO's own rules, and handed to
 * the same service method with the same body the REST API builds from JSON.
 */
@ApiExcludeController()
@WebForms()
@Roles(...JOBCENTER_PAGE_ROLES)
@Controller('jobcenter/job-orders/:jobOrderId/propose')
export class ProposeCandidateController {
  constructor(
    private readonly jobOrders: JobOrderService,
    private readonly candidates: CandidateService,
    private readonly clock: Clock,
    private readonly uploads: UploadValidator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async form(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const order = await this.jobOrders.get(actor, jobOrderId);
    this.render(req, res, order, { values: typedValues({}) });
  }

  @Post()
  async propose(
    @CurrentActor() actor: Actor,
    @Param('jobOrderId') jobOrderId: string,
    @FormBody() form: FormValues,
    @Req() req: FormRequest,
    @Res() res: Response,
  ): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const order = await this.jobOrders.get(actor, jobOrderId);
    const values = typedValues(form);
    const maxBytes = this.config.files.maxUploadBytes;
    const body = proposeBody(form);
    const upload = cvOfUpload(req.upload, maxBytes, t);
    if (upload.cv) body.cv = upload.cv;
    const labels = this.labels(t);
    const checked = await validateForm(ProposeCandidateDto, body, labels, t, fieldId);
    const problems: FieldError[] = [...(checked.errors?.list ?? []), ...(upload.error ? [upload.error] : [])];
    if (problems.length || !checked.value) {
      // The CV is not kept on an error, so say now what is wrong with it too, rather than after the fields are fixed.
      const fileProblem = upload.cv && upload.bytes ? await this.fileProblem(upload.cv.fileName, upload.bytes, maxBytes, t) : undefined;
      return this.render(req, res, order, { values, errors: errorsOf(inFormOrder([...problems, ...(fileProblem ? [fileProblem] : [])])) }, 400);
    }
    try {
      await this.candidates.propose(actor, order.id, checked.value);
    } catch (error) {
      const fileError = fileErrorOf(error, maxBytes, t);
      const refusal = fileError ? errorsOf([fileError]) : domainErrorOf(error, t, 'name', lang);
      if (!refusal) throw error;
      return this.render(req, res, order, { values, errors: refusal }, statusOf(error));
    }
    redirectAfterPost(res, `/jobcenter/job-orders/${order.id}?proposed=1`);
  }

  /** What the file store would refuse in the CV (checked by the same validator, nothing stored), if anything. */
  private async fileProblem(fileName: string, bytes: Buffer, maxBytes: number, t: Translate): Promise<FieldError | undefined> {
    try {
      await this.uploads.validate(fileName, bytes);
      return undefined;
    } catch (error) {
      const problem = fileErrorOf(error, maxBytes, t);
      if (!problem) throw error;
      return problem;
    }
  }

  private labels(t: Translate): Record<string, string> {
    const label = (field: string) => t(`jobcenter.propose.fields.${field}`);
    return Object.fromEntries(
      ['name', 'email', 'phone', 'availableWeeklyHours', 'preferredShifts', 'applicationText', 'targetGroup', 'consentGivenOn', 'consentScope', 'cv'].map((field) => [field, label(field)]),
    );
  }

  private render(req: Request, res: Response, order: JobOrderView, form: FormState, status = 200): void {
    const t = translator(languageOf(req));
    renderPage(
      req,
      res,
      'jobcenter/propose.njk',
      {
        title: t('jobcenter.propose.title'),
        order: jobOrderModel(order, this.clock.now(), t),
        form,
        labels: this.labels(t),
        targetGroups: [{ value: '', text: t('jobcenter.propose.chooseTargetGroup') }, ...TARGET_GROUPS.map((group) => ({ value: group, text: t(`jobcenter.targetGroups.${group}`) }))],
        shifts: SHIFT_PATTERNS.map((shift) => ({ value: shift, text: t(`jobcenter.shifts.${shift}`), checked: (form.values.preferredShifts as string[]).includes(shift) })),
        maxSize: megabytes(this.config.files.maxUploadBytes),
      },
      status,
    );
  }
}
