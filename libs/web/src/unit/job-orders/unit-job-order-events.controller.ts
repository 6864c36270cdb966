import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, Clock, GuardFailedError, InvalidInputError } from '@klausul/domain';
import { CurrentActor, Roles, UsersService, WebForms } from '@klausul/identity';
import { CandidateService, ForwardJobOrderDto, JobcenterChannelService, JobOrderEventDto, JobOrderService, ReturnJobOrderDto } from '@klausul/matching';
import { WorkflowHistoryRepository } from '@klausul/workflow';
import { domainErrorOf, errorsOf, FormBody, type FormValues, list, text, validateForm, refusalStatus } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost } from '../../setup/render-page';
import { idParam, UNIT_ROLES } from '../unit-pages';
import { postedVersion } from './posted-version';
import { type FormProblem, type JobOrderPageServices, renderJobOrderPage, type SavedEvent, type UnitJobOrderEvent, unitRolesOf } from './job-order-page';

/** The first channel checkbox: the error summary links the channel choice there (DKFDS numbers the options). */
const CHANNELS_FIELD = 'channelIds-option1';

const SAVED: Record<UnitJobOrderEvent, SavedEvent> = {
  forward: 'forwarded',
  return: 'returned',
  send_shortlist: 'shortlistSent',
  close: 'closed',
  reopen: 'reopened',
  cancel: 'cancelled',
};

/**
 * The events of a job description fired from the unit's page: each form is checked with
 * the REST route's DTO, fired through JobOrderService as the REST route does, and answered
 * with the page again (the refusal on the form it came from) or a redirect to it.
 */
@ApiExcludeController()
@WebForms()
@Controller('unit/job-orders/:jobOrderId')
export class UnitJobOrderEventsController {
  private readonly services: JobOrderPageServices;

  constructor(jobOrders: JobOrderService, candidates: CandidateService, channels: JobcenterChannelService, history: WorkflowHistoryRepository, users: UsersService, clock: Clock) {
    this.services = { jobOrders, candidates, channels, history, users, clock };
  }

  /** To the channels ticked (the REST route's channelIds); none ticked is a field error, not "every channel". */
  @Post('forward')
  @Roles(...unitRolesOf('forward'))
  async forward(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const input = { ...postedVersion(body), channelIds: list(body.channelIds) };
    const labels = { channelIds: t('unitMatching.forward.channels'), expectedVersion: t('unitMatching.jobOrder.state') };
    const checked = await validateForm(ForwardJobOrderDto, input, labels, t, (path) => (path === 'channelIds' ? CHANNELS_FIELD : path));
    await this.fire(actor, idParam(jobOrderId, 'job_order'), 'forward', checked, { form: 'forward', values: { channelIds: input.channelIds } }, req, res);
  }

  @Post('return')
  @Roles(...unitRolesOf('return'))
  async returnToSupplier(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const input = { ...postedVersion(body), comment: text(body.comment) };
    const checked = await validateForm(ReturnJobOrderDto, input, { comment: t('unitMatching.return.comment'), expectedVersion: t('unitMatching.jobOrder.state') }, t);
    await this.fire(actor, idParam(jobOrderId, 'job_order'), 'return', checked, { form: 'return', values: { comment: typeof body.comment === 'string' ? body.comment : '' } }, req, res);
  }

  @Post('send-shortlist')
  @Roles(...unitRolesOf('send_shortlist'))
  sendShortlist(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.plainEvent(actor, jobOrderId, 'send_shortlist', body, req, res);
  }

  @Post('close')
  @Roles(...unitRolesOf('close'))
  close(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.plainEvent(actor, jobOrderId, 'close', body, req, res);
  }

  @Post('reopen')
  @Roles(...unitRolesOf('reopen'))
  reopen(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.plainEvent(actor, jobOrderId, 'reopen', body, req, res);
  }

  @Post('cancel')
  @Roles(...unitRolesOf('cancel'))
  cancel(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.plainEvent(actor, jobOrderId, 'cancel', body, req, res);
  }

  /** Sends a job description again whose dispatch failed (JobOrderService.retry, as REST POST /job-orders/:id/retry). */
  @Post('retry')
  @Roles(...UNIT_ROLES)
  async retry(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const id = idParam(jobOrderId, 'job_order');
    const t = translator(languageOf(req));
    const checked = await validateForm(JobOrderEventDto, postedVersion(body), { expectedVersion: t('unitMatching.jobOrder.state') }, t);
    if (checked.errors) return renderJobOrderPage(this.services, req, res, actor, id, { problem: { form: 'actions', errors: checked.errors }, status: 400 });
    try {
      await this.services.jobOrders.retry(actor, id, checked.value);
      redirectAfterPost(res, `/unit/job-orders/${id}?saved=retried`);
    } catch (error) {
      // Stale (409) or no longer forwarded (422): said on the page, which no longer offers it.
      if (error instanceof GuardFailedError) {
        const errors = errorsOf([{ field: 'actions', text: t('unit.jobOrderRetry.notNow') }]);
        return renderJobOrderPage(this.services, req, res, actor, id, { problem: { form: 'actions', errors }, status: 422 });
      }
      const errors = domainErrorOf(error, t, 'actions', languageOf(req));
      if (!errors) throw error;
      renderJobOrderPage(this.services, req, res, actor, id, { problem: { form: 'actions', errors }, status: refusalStatus(error) });
    }
  }

  private async plainEvent(actor: Actor, jobOrderId: string, event: UnitJobOrderEvent, body: FormValues, req: Request, res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const checked = await validateForm(JobOrderEventDto, postedVersion(body), { expectedVersion: t('unitMatching.jobOrder.state') }, t);
    await this.fire(actor, idParam(jobOrderId, 'job_order'), event, checked, { form: 'actions' }, req, res);
  }

  /** Fires the checked event; a refusal (bad input 400, stale 409, not allowed now 422) is shown on the form it came from. */
  private async fire(
    actor: Actor,
    id: string,
    event: UnitJobOrderEvent,
    checked: Awaited<ReturnType<typeof validateForm<object>>>,
    origin: Omit<FormProblem, 'errors'>,
    req: Request,
    res: Response,
  ): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    // The page is loaded by id first, so another municipality's job description is the 404 page, not a form error.
    if (checked.errors) {
      return renderJobOrderPage(this.services, req, res, actor, id, { problem: { ...origin, errors: checked.errors }, status: 400 });
    }
    try {
      await this.services.jobOrders.fire(actor, id, event, checked.value as { expectedVersion?: number; comment?: string; channelIds?: string[] });
      redirectAfterPost(res, `/unit/job-orders/${id}?saved=${SAVED[event]}`);
    } catch (error) {
      // A channel removed since the page was shown: say so on the checkboxes, and show the channels there are now.
      if (error instanceof InvalidInputError && error.details?.field === 'channelIds') {
        const errors = errorsOf([{ field: CHANNELS_FIELD, text: t('unitMatching.forward.channelGone') }]);
        return renderJobOrderPage(this.services, req, res, actor, id, { problem: { form: 'forward', errors }, status: 400 });
      }
      const field = origin.form === 'forward' ? CHANNELS_FIELD : origin.form === 'return' ? 'comment' : 'actions';
      const errors = domainErrorOf(error, t, field, lang);
      if (!errors) throw error;
      const status = refusalStatus(error);
      renderJobOrderPage(this.services, req, res, actor, id, { problem: { ...origin, errors }, status });
    }
  }
}
