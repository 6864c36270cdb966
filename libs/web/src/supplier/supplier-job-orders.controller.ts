import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ContractsService } from '@klausul/contracts';
import { type Actor, ConflictError } from '@klausul/domain';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { CreateJobOrderDto, JobOrderEventDto, JobOrderService, type JobOrderView } from '@klausul/matching';
import { domainErrorOf, type FormErrors, FormBody, type FormState, type FormValues, number, validateForm, refusalStatus } from '../forms/form';
import { translator } from '../i18n/i18n';
import { languageOf } from '../setup/page-locals';
import { redirectAfterPost, renderPage } from '../setup/render-page';
import {
  inFormOrder, JOB_ORDER_FORM_FIELDS, jobOrderActions, jobOrderRow, jobOrderInput, jobOrderLabels, jobOrderValues, savedDifferences, shiftChoices, STATES_WITH_CANDIDATES,
  typedValues,
} from './job-order-form';
import { choiceParam, idParam, SUPPLIER_ROLE } from './supplier-pages';
import { jobOrderFacts } from './job-order-facts';

const SAVED = ['created', 'updated', 'submitted', 'closed', 'cancelled'] as const;
/** The events a supplier confirms on a page of their own before they happen (neither can be undone by the supplier). */
type ConfirmedEvent = 'close' | 'cancel';

interface FormModel {
  form: FormState;
  status?: number;
  /** After a stale edit: the saved values that differ from the person's. */
  saved?: { label: string; value: string }[];
}

/**
 * The supplier's job descriptions: draft one on a contract, look at it (with the unit's
 * return comment), edit it while it is a draft or returned, send it to the municipality,
 * close or cancel it. Each form calls JobOrderService as the REST routes do, with the
 * same DTO rules; the page offers only the events the workflow allows this actor now.
 */
@ApiExcludeController()
@WebForms()
@Roles(SUPPLIER_ROLE)
@Controller('supplier')
export class SupplierJobOrdersController {
  constructor(
    private readonly jobOrders: JobOrderService,
    private readonly contracts: ContractsService,
  ) {}

  @Get('contracts/:contractId/job-orders/new')
  async newForm(@CurrentActor() actor: Actor, @Param('contractId') contractId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const contract = await this.contracts.get(actor, idParam(contractId, 'contract'));
    this.renderForm(req, res, { contractId: contract.id, contractTitle: contract.tenderTitle }, { form: { values: typedValues({}, JOB_ORDER_FORM_FIELDS) } });
  }

  @Post('contracts/:contractId/job-orders/new')
  async create(@CurrentActor() actor: Actor, @Param('contractId') contractId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const contract = await this.contracts.get(actor, idParam(contractId, 'contract'));
    const target = { contractId: contract.id, contractTitle: contract.tenderTitle };
    const t = translator(languageOf(req));
    const values = typedValues(body, JOB_ORDER_FORM_FIELDS);
    const checked = await validateForm(CreateJobOrderDto, jobOrderInput(body), jobOrderLabels(t), t);
    if (checked.errors) return this.renderForm(req, res, target, { form: { values, errors: inFormOrder(checked.errors) }, status: 400 });
    try {
      const created = await this.jobOrders.create(actor, contract.id, checked.value);
      redirectAfterPost(res, `/supplier/job-orders/${created.id}?saved=created`);
    } catch (error) {
      const errors = domainErrorOf(error, t, 'title', languageOf(req));
      if (!errors) throw error;
      this.renderForm(req, res, target, { form: { values, errors }, status: 422 });
    }
  }

  @Get('job-orders/:jobOrderId')
  async view(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @Query('saved') saved: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const order = await this.jobOrders.get(actor, idParam(jobOrderId, 'job_order'));
    this.renderView(req, res, order, actor, { saved: choiceParam(saved, SAVED) });
  }

  @Get('job-orders/:jobOrderId/edit')
  async editForm(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const order = await this.jobOrders.get(actor, idParam(jobOrderId, 'job_order'));
    if (!jobOrderActions(order.state, actor.role).includes('edit')) return this.renderView(req, res, order, actor, { notEditable: true });
    this.renderForm(req, res, editTarget(order), { form: { values: { ...jobOrderValues(order), expectedVersion: String(order.version) } } });
  }

  @Post('job-orders/:jobOrderId/edit')
  async edit(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const id = idParam(jobOrderId, 'job_order');
    const lang = languageOf(req);
    const t = translator(lang);
    const values = { ...typedValues(body, JOB_ORDER_FORM_FIELDS), expectedVersion: typeof body.expectedVersion === 'string' ? body.expectedVersion : '' };
    // All fields are posted, so the create DTO's rules apply: a required field cannot be emptied.
    const checked = await validateForm(CreateJobOrderDto, jobOrderInput(body), jobOrderLabels(t), t);
    const version = await validateForm(JobOrderEventDto, versionInput(body), { expectedVersion: t('supplier.jobOrder.state') }, t);
    if (checked.errors || version.errors) {
      const order = await this.jobOrders.get(actor, id);
      return this.renderForm(req, res, editTarget(order), { form: { values, errors: inFormOrder((checked.errors ?? version.errors)!) }, status: 400 });
    }
    try {
      // Optional texts left empty are cleared, not kept: the form shows every field.
      const fields = { ...checked.value, requirements: checked.value.requirements ?? '', learningOnTheJob: checked.value.learningOnTheJob ?? '' };
      await this.jobOrders.update(actor, id, { ...fields, expectedVersion: version.value.expectedVersion });
      redirectAfterPost(res, `/supplier/job-orders/${id}?saved=updated`);
    } catch (error) {
      const errors = domainErrorOf(error, t, 'title', lang);
      if (!errors) throw error;
      const current = await this.jobOrders.get(actor, id);
      if (error instanceof ConflictError) {
        // The person's text stays; the version moves on, so pressing save again overwrites knowingly.
        const conflict = { list: [{ field: 'title', text: t('supplier.jobOrder.conflict') }], byField: {} };
        return this.renderForm(req, res, editTarget(current), {
          form: { values: { ...values, expectedVersion: String(current.version) }, errors: conflict },
          status: 409,
          saved: savedDifferences(current, body, t),
        });
      }
      if (!jobOrderActions(current.state, actor.role).includes('edit')) return this.renderView(req, res, current, actor, { errors, status: 422 });
      this.renderForm(req, res, editTarget(current), { form: { values, errors }, status: 422 });
    }
  }

  @Post('job-orders/:jobOrderId/submit')
  async submit(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.fire(actor, idParam(jobOrderId, 'job_order'), 'submit', body, req, res);
  }

  @Get('job-orders/:jobOrderId/close')
  closeForm(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.confirmForm(actor, idParam(jobOrderId, 'job_order'), 'close', req, res);
  }

  @Post('job-orders/:jobOrderId/close')
  close(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.fire(actor, idParam(jobOrderId, 'job_order'), 'close', body, req, res);
  }

  @Get('job-orders/:jobOrderId/cancel')
  cancelForm(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.confirmForm(actor, idParam(jobOrderId, 'job_order'), 'cancel', req, res);
  }

  @Post('job-orders/:jobOrderId/cancel')
  cancel(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.fire(actor, idParam(jobOrderId, 'job_order'), 'cancel', body, req, res);
  }

  /** Closing and cancelling ask first, on a page of their own; one the state does not allow shows the job description instead. */
  private async confirmForm(actor: Actor, id: string, event: ConfirmedEvent, req: Request, res: Response): Promise<void> {
    const order = await this.jobOrders.get(actor, id);
    if (!jobOrderActions(order.state, actor.role).includes(event)) return this.renderView(req, res, order, actor, {});
    const t = translator(languageOf(req));
    renderPage(req, res, 'supplier/job-order-confirm.njk', { title: t(`supplier.jobOrder.confirm.${event}Title`), order: jobOrderRow(order, t), event });
  }

  /** One event of the workflow with the version the person saw; a refusal shows the job description as it is now. */
  private async fire(actor: Actor, id: string, event: 'submit' | ConfirmedEvent, body: FormValues, req: Request, res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const version = await validateForm(JobOrderEventDto, versionInput(body), { expectedVersion: t('supplier.jobOrder.state') }, t);
    if (version.errors) return this.renderView(req, res, await this.jobOrders.get(actor, id), actor, { errors: version.errors, status: 400 });
    try {
      await this.jobOrders.fire(actor, id, event, { expectedVersion: version.value.expectedVersion });
      redirectAfterPost(res, `/supplier/job-orders/${id}?saved=${event === 'submit' ? 'submitted' : event === 'close' ? 'closed' : 'cancelled'}`);
    } catch (error) {
      const errors = domainErrorOf(error, t, 'actions', lang);
      if (!errors) throw error;
      this.renderView(req, res, await this.jobOrders.get(actor, id), actor, { errors, status: refusalStatus(error) });
    }
  }

  private renderForm(req: Request, res: Response, target: FormTarget, model: FormModel): void {
    const t = translator(languageOf(req));
    renderPage(
      req,
      res,
      'supplier/job-order-form.njk',
      {
        title: t(target.jobOrderId ? 'supplier.jobOrder.editTitle' : 'supplier.jobOrder.newTitle'),
        target,
        form: model.form,
        savedVersion: model.saved ?? null,
        shiftChoices: shiftChoices(t),
      },
      model.status ?? 200,
    );
  }

  private renderView(
    req: Request,
    res: Response,
    order: JobOrderView,
    actor: Actor,
    model: { saved?: string; notEditable?: boolean; errors?: FormErrors; status?: number },
  ): void {
    const t = translator(languageOf(req));
    renderPage(
      req,
      res,
      'supplier/job-order.njk',
      {
        title: order.title,
        order: { ...jobOrderRow(order, t), shiftText: t(`supplier.shifts.${order.shiftPattern}`) },
        actions: jobOrderActions(order.state, actor.role),
        showCandidates: STATES_WITH_CANDIDATES.includes(order.state),
        saved: model.saved ?? null,
        notEditable: model.notEditable ?? false,
        form: { values: {}, errors: model.errors },
        facts: jobOrderFacts(order, t),
      },
      model.status ?? 200,
    );
  }
}

interface FormTarget {
  contractId: string;
  contractTitle: string;
  jobOrderId?: string;
}

const editTarget = (order: JobOrderView): FormTarget => ({ contractId: order.contractId, contractTitle: order.contractTitle, jobOrderId: order.id });

/** The hidden version field, as the event DTO reads it. */
function versionInput(body: FormValues): FormValues {
  const expectedVersion = number(body.expectedVersion);
  return expectedVersion === undefined ? {} : { expectedVersion };
}
