import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AwardDto, DefineClauseDto, MeetingDto, ReasonDto, ScreeningDto, SuppliersService, type SupplierView, type TenderEvent, TenderService, type TenderView,
} from '@klausul/contracts';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles, UsersService, WebForms } from '@klausul/identity';
import { WorkflowHistoryRepository } from '@klausul/workflow';
import { domainErrorOf, type FormErrors, FormBody, type FormValues, text, validateForm } from '../../forms/form';
import { type Translate, translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { idParam, SUPPLIER_CHOICES, supplierChoices, UNIT_ROLES } from '../unit-pages';
import {
  awardFieldId, awardInput, awardLabels, awardValues, clauseFieldId, clauseInput, clausePathLabels, clauseValues, clauseValuesOf, employmentFormChoices, inOrder, meetingInput,
  meetingLabels, meetingValues, needsNoMeetingReason, requiredReason, screeningInput, screeningLabels, screeningValues, screeningValuesOf, targetGroupChoices,
  splitRows, willingnessChoices, withError,
} from './tender-forms';
import { FORM_EVENT_PATHS, inputRefusalOf, refusalStatus, renderTenderPage, versionOf } from './tender-page';

type FormEvent = Extract<TenderEvent, 'screen' | 'record-meeting' | 'define-clause' | 'award' | 'not-suitable' | 'cancel'>;

/** What a form event's page needs beyond the tender: its view and the choices it offers. */
const VIEWS: Record<FormEvent, string> = {
  screen: 'unit/tenders/screening.njk',
  'record-meeting': 'unit/tenders/meeting.njk',
  'define-clause': 'unit/tenders/define-clause.njk',
  award: 'unit/tenders/award.njk',
  'not-suitable': 'unit/tenders/reason.njk',
  cancel: 'unit/tenders/reason.njk',
};

interface Checked {
  /** The body for the service, when the form is fine. */
  dto?: object;
  errors?: FormErrors;
}

/**
 * The tender's events that need a form: screening, a dialogue meeting, the clause, the award,
 * not suitable and cancel. A form is offered only while its event is allowed; a refused
 * event shows the form again with the reason and what the person typed.
 */
@ApiExcludeController()
@WebForms()
@Roles(...UNIT_ROLES)
@Controller('unit/tenders/:tenderId')
export class TenderEventsPagesController {
  constructor(
    private readonly tenders: TenderService,
    private readonly suppliers: SuppliersService,
    readonly history: WorkflowHistoryRepository,
    readonly users: UsersService,
  ) {}

  @Get('screening')
  screeningForm(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.showForm(actor, id, 'screen', (tender) => screeningValuesOf(tender), req, res);
  }

  @Post('screening')
  screen(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.submit(actor, id, 'screen', body, req, res, async (_tender, t) => {
      const values = screeningValues(body);
      const checked = await validateForm(ScreeningDto, screeningInput(values), screeningLabels(t), t);
      return { values, dto: checked.value, errors: checked.errors && inOrder(checked.errors, Object.keys(screeningLabels(t))) };
    });
  }

  @Get('meetings/new')
  meetingForm(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.showForm(actor, id, 'record-meeting', () => ({ willingness: '' }), req, res);
  }

  @Post('meetings/new')
  recordMeeting(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.submit(actor, id, 'record-meeting', body, req, res, async (_tender, t, suppliers) => {
      const values = meetingValues(body);
      const supplier = suppliers.find((s) => s.id === text(values.supplierId));
      const checked = await validateForm(MeetingDto, meetingInput(values, supplier?.name), meetingLabels(t), t);
      return { values, labels: meetingLabels(t), dto: checked.value, errors: checked.errors && inOrder(checked.errors, Object.keys(meetingLabels(t))) };
    });
  }

  @Get('define-clause')
  clauseForm(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.showForm(actor, id, 'define-clause', (tender) => clauseValuesOf(tender), req, res);
  }

  @Post('define-clause')
  defineClause(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.submit(actor, id, 'define-clause', body, req, res, async (tender, t) => {
      const values = clauseValues(body, tender);
      const scope = values.scope === 'lots' ? 'lots' : 'tender';
      const needsReason = needsNoMeetingReason(tender);
      const labels = clausePathLabels(t, tender, scope);
      const checked = await validateForm(DefineClauseDto, clauseInput(values, tender, needsReason), labels, t, clauseFieldId(scope));
      const errors = withError(checked.errors, needsReason ? requiredReason(values, t) : null);
      return { values, labels, idOf: clauseFieldId(scope), dto: errors ? undefined : checked.value, errors: errors && inOrder(errors, Object.keys(values)) };
    });
  }

  @Get('award')
  awardForm(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.showForm(actor, id, 'award', () => ({}), req, res);
  }

  @Post('award')
  award(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.submit(actor, id, 'award', body, req, res, async (tender, t) => {
      const values = awardValues(body, tender);
      const labels = awardLabels(t, tender, values);
      const idOf = awardFieldId(values, tender);
      const checked = await validateForm(AwardDto, awardInput(values, tender), labels, t, idOf);
      return { values, labels, idOf, dto: checked.value, errors: checked.errors && inOrder(checked.errors, Object.keys(values)) };
    });
  }

  @Get('not-suitable')
  notSuitableForm(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.showForm(actor, id, 'not-suitable', () => ({}), req, res);
  }

  @Post('not-suitable')
  notSuitable(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.submit(actor, id, 'not-suitable', body, req, res, (_tender, t) => this.reason(body, t));
  }

  @Get('cancel')
  cancelForm(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.showForm(actor, id, 'cancel', () => ({}), req, res);
  }

  @Post('cancel')
  cancel(@CurrentActor() actor: Actor, @Param('tenderId') id: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.submit(actor, id, 'cancel', body, req, res, (_tender, t) => this.reason(body, t));
  }

  private async reason(body: FormValues, t: Translate): Promise<Checked & { values: FormValues }> {
    const values = { reason: typeof body.reason === 'string' ? body.reason : '' };
    const checked = await validateForm(ReasonDto, { reason: text(values.reason) }, { reason: t('unitTenders.reason.reason') }, t);
    return { values, dto: checked.value, errors: checked.errors };
  }

  /** The form of an allowed event; one not allowed now shows the tender page with a notice instead. */
  private async showForm(actor: Actor, tenderId: string, event: FormEvent, initial: (tender: TenderView) => FormValues, req: Request, res: Response): Promise<void> {
    const tender = await this.tenders.get(actor, idParam(tenderId, 'tender'));
    if (!tender.allowedEvents.includes(event)) return renderTenderPage(this, req, res, actor, tender, { notAllowed: event });
    await this.renderForm(actor, tender, event, { ...initial(tender), expectedVersion: String(tender.version) }, undefined, req, res, 200);
  }

  /** Checks the version and the form, fires the event, and on success goes back to the tender page. */
  private async submit(
    actor: Actor,
    tenderId: string,
    event: FormEvent,
    body: FormValues,
    req: Request,
    res: Response,
    check: (tender: TenderView, t: Translate, suppliers: SupplierView[]) => Promise<Checked & { values: FormValues; labels?: Record<string, string>; idOf?: (path: string) => string }>,
  ): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const tender = await this.tenders.get(actor, idParam(tenderId, 'tender'));
    const suppliers = event === 'record-meeting' ? await this.supplierList(actor) : [];
    const version = versionOf(body, t);
    const checked = await check(tender, t, suppliers);
    const values = { ...checked.values, expectedVersion: typeof body.expectedVersion === 'string' ? body.expectedVersion : '' };
    const errors = checked.errors ?? version.errors;
    if (errors || !checked.dto) {
      if (!tender.allowedEvents.includes(event)) return renderTenderPage(this, req, res, actor, tender, { notAllowed: event }, 400);
      return this.renderForm(actor, tender, event, values, errors, req, res, 400);
    }
    const dto = { ...checked.dto, expectedVersion: version.version } as never;
    try {
      await this.fire(actor, tender.id, event, dto);
      redirectAfterPost(res, `/unit/tenders/${tender.id}?done=${event}`);
    } catch (error) {
      const refused = inputRefusalOf(error, t, lang, checked.labels ?? {}, checked.idOf) ?? domainErrorOf(error, t, FORM_FIELD[event], lang);
      if (!refused) throw error;
      const now = await this.tenders.get(actor, tender.id);
      if (!now.allowedEvents.includes(event)) return renderTenderPage(this, req, res, actor, now, { errors: refused }, refusalStatus(error));
      // What the person typed stays; a stale version moves on, so sending again is a knowing choice.
      await this.renderForm(actor, now, event, { ...values, expectedVersion: String(now.version) }, refused, req, res, refusalStatus(error));
    }
  }

  private fire(actor: Actor, id: string, event: FormEvent, dto: never): Promise<TenderView> {
    switch (event) {
      case 'screen':
        return this.tenders.screen(actor, id, dto);
      case 'record-meeting':
        return this.tenders.recordMeeting(actor, id, dto);
      case 'define-clause':
        return this.tenders.defineClause(actor, id, dto);
      case 'award':
        return this.tenders.award(actor, id, dto);
      case 'not-suitable':
        return this.tenders.notSuitable(actor, id, dto);
      case 'cancel':
        return this.tenders.cancel(actor, id, dto);
    }
  }

  private async renderForm(actor: Actor, tender: TenderView, event: FormEvent, values: FormValues, errors: FormErrors | undefined, req: Request, res: Response, status: number): Promise<void> {
    const t = translator(languageOf(req));
    const needsSuppliers = event === 'record-meeting' || event === 'award';
    const suppliers = needsSuppliers ? supplierChoices(await this.supplierList(actor), t('unitTenders.fields.chooseSupplier')) : [];
    renderPage(
      req,
      res,
      VIEWS[event],
      {
        title: t(`unitTenders.forms.${event}`, { title: tender.title }),
        tender,
        event,
        action: `/unit/tenders/${tender.id}/${FORM_EVENT_PATHS[event]}`,
        form: { values, errors },
        suppliers,
        willingness: willingnessChoices(t),
        targetGroups: targetGroupChoices(t),
        employmentForms: employmentFormChoices(t),
        needsReason: needsNoMeetingReason(tender),
        splitRows: Array.from({ length: event === 'award' ? splitRows(tender) : 0 }, (_, k) => k),
        wholeClause: tender.clauseDrafts[0] ?? null,
        // Open when the person used it, so what they typed (and its errors) are in view.
        splitOpen: Object.entries(values).some(([name, value]) => name.startsWith('split-') && value !== '') || (errors?.list ?? []).some((e) => e.field.startsWith('split-')),
      },
      status,
    );
  }

  private async supplierList(actor: Actor): Promise<SupplierView[]> {
    return (await this.suppliers.list(actor, { limit: SUPPLIER_CHOICES, sort: 'name' })).items;
  }
}

/** The field a refusal of each event is shown on (the top of its form). */
const FORM_FIELD: Record<FormEvent, string> = {
  screen: 'suitableTasks',
  'record-meeting': 'heldOn',
  'define-clause': 'scope',
  award: 'startDate',
  'not-suitable': 'reason',
  cancel: 'reason',
};
