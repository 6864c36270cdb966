import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ContractsService } from '@klausul/contracts';
import { type Actor } from '@klausul/domain';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { CandidateService, JobOrderService, PlacementService } from '@klausul/matching';
import { domainErrorOf, type FormErrors, FormBody, type FormValues, validateForm, refusalStatus } from '../forms/form';
import { translator } from '../i18n/i18n';
import { languageOf } from '../setup/page-locals';
import { redirectAfterPost, renderPage } from '../setup/render-page';
import {
  actionInput, actionLabels, CANDIDATE_ACTION_DTOS, CANDIDATE_ACTIONS, type CandidateAction, candidateCard, fieldId, fieldsOf, hireChoices, hireRefusal, onPage,
} from './candidate-forms';
import { choiceParam, cursorParam, idParam, pagePath, SUPPLIER_ROLE } from './supplier-pages';

const CANDIDATES_PER_PAGE = 25;
/** Employees who left, offered as the one a hire replaces (the latest first). */
const ENDED_PLACEMENTS_SHOWN = 50;

/** A form's fields, all empty. */
const blank = (action: CandidateAction): FormValues => Object.fromEntries(fieldsOf(action).map((field) => [field, '']));

/** One candidate's form refused: which, what the person typed, why. */
interface ActiveForm {
  candidateId: string;
  action: CandidateAction;
  values: FormValues;
  errors: FormErrors;
}

/**
 * The candidates of a supplier's job description, as CandidateService scopes them for
 * supplier HR: shortlisted and later only, never target group, consent, CPR or health
 * details. Per candidate the forms the workflow allows now (interview, hire, reject),
 * each calling the same service event as the REST route; and the CV download.
 */
@ApiExcludeController()
@WebForms()
@Roles(SUPPLIER_ROLE)
@Controller('supplier')
export class SupplierCandidatesController {
  constructor(
    private readonly candidates: CandidateService,
    private readonly jobOrders: JobOrderService,
    private readonly contracts: ContractsService,
    private readonly placements: PlacementService,
  ) {}

  @Get('job-orders/:jobOrderId/candidates')
  async list(
    @CurrentActor() actor: Actor,
    @Param('jobOrderId') jobOrderId: string,
    @Query('cursor') cursor: unknown,
    @Query('saved') saved: unknown,
    @Query('candidate') candidate: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const done = choiceParam(saved, CANDIDATE_ACTIONS);
    await this.render(actor, idParam(jobOrderId, 'job_order'), cursorParam(cursor), req, res, {
      saved: done && typeof candidate === 'string' ? { action: done, candidateId: candidate } : undefined,
    });
  }

  /** The CV as a download, through the same service (and access log entry) as the REST route. */
  @Get('candidates/:candidateId/cv')
  async cv(@CurrentActor() actor: Actor, @Param('candidateId') candidateId: string, @Res() res: Response): Promise<void> {
    const file = await this.candidates.cv(actor, idParam(candidateId, 'candidate'));
    res.attachment(file.originalName);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(file.content);
  }

  @Post('candidates/:candidateId/interview')
  interview(@CurrentActor() actor: Actor, @Param('candidateId') candidateId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.act(actor, idParam(candidateId, 'candidate'), 'interview', body, req, res);
  }

  @Post('candidates/:candidateId/hire')
  hire(@CurrentActor() actor: Actor, @Param('candidateId') candidateId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.act(actor, idParam(candidateId, 'candidate'), 'hire', body, req, res);
  }

  @Post('candidates/:candidateId/reject')
  reject(@CurrentActor() actor: Actor, @Param('candidateId') candidateId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.act(actor, idParam(candidateId, 'candidate'), 'reject', body, req, res);
  }

  private async act(actor: Actor, id: string, action: CandidateAction, body: FormValues, req: Request, res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const cursor = cursorParam(body.page);
    const values = { ...blank(action), ...Object.fromEntries(fieldsOf(action).filter((field) => typeof body[field] === 'string').map((field) => [field, body[field]])) };
    const refused = async (errors: FormErrors, status: number) => {
      // Loaded as the supplier may see it: another supplier's candidate is a 404 here, and nothing changed.
      const candidate = await this.candidates.get(actor, id);
      await this.render(actor, candidate.jobOrderId, cursor, req, res, { active: { candidateId: id, action, values, errors }, status });
    };
    const checked = await validateForm(CANDIDATE_ACTION_DTOS[action], actionInput(action, body), actionLabels(action, t), t);
    if (checked.errors) return refused(checked.errors, 400);
    try {
      const done = await this.candidates.fire(actor, id, action, { ...checked.value });
      const back = `${pagePath(`/supplier/job-orders/${done.jobOrderId}/candidates`, cursor)}${cursor ? '&' : '?'}saved=${action}&candidate=${id}#candidate-${id}`;
      redirectAfterPost(res, back);
    } catch (error) {
      const errors = (action === 'hire' ? hireRefusal(error, t) : undefined) ?? domainErrorOf(error, t, fieldsOf(action)[0], lang);
      if (!errors) throw error;
      await refused(errors, refusalStatus(error));
    }
  }

  private async render(
    actor: Actor,
    jobOrderId: string,
    cursor: string | undefined,
    req: Request,
    res: Response,
    model: { saved?: { action: CandidateAction; candidateId: string }; active?: ActiveForm; status?: number },
  ): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const order = await this.jobOrders.get(actor, jobOrderId);
    const [contract, page] = await Promise.all([
      this.contracts.get(actor, order.contractId),
      this.candidates.list(actor, order.id, { limit: CANDIDATES_PER_PAGE, cursor }),
    ]);
    const cards = page.items.map((candidate) => candidateCard(candidate, t));
    // Only read (and access-logged) when a hire can be recorded on this page.
    const ended = cards.some((card) => card.actions.includes('hire'))
      ? (await this.placements.listOfContract(actor, contract.id, { state: 'ended', sort: '-startDate', limit: ENDED_PLACEMENTS_SHOWN })).items
      : [];
    const savedName = model.saved ? cards.find((card) => card.id === model.saved!.candidateId)?.name : undefined;
    const active = model.active;
    renderPage(
      req,
      res,
      'supplier/candidates.njk',
      {
        title: `${t('supplier.candidates.title')}: ${order.title}`,
        order,
        cards,
        choices: hireChoices(contract, ended, t, lang),
        // Every select has a value: the shared select macro compares it as a string.
        hireDefaults: { ...blank('hire'), startDate: order.startDate, weeklyHours: String(order.weeklyHours) },
        rejectDefaults: blank('reject'),
        saved: model.saved && savedName ? { text: t(`supplier.candidates.saved.${model.saved.action}`, { name: savedName }) } : null,
        active: active ?? null,
        summary: active ? { values: {}, errors: onPage(active.errors, active.action, active.candidateId, cards.find((card) => card.id === active.candidateId)?.name) } : null,
        cursor: cursor ?? '',
        morePath: page.nextCursor ? pagePath(`/supplier/job-orders/${order.id}/candidates`, page.nextCursor) : null,
        firstPath: cursor ? `/supplier/job-orders/${order.id}/candidates` : null,
        idOf: fieldId,
      },
      model.status ?? 200,
    );
  }
}
