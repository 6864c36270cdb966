import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, Clock, ConflictError, copenhagenDateOf, InvalidInputError } from '@klausul/domain';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { ChangeHoursDto, ContractEmployeesService, EndPlacementDto } from '@klausul/matching';
import { domainErrorOf, errorsOf, FormBody, type FormErrors, type FormValues, number, text, validateForm } from '../forms/form';
import { type Language, type Translate, translator } from '../i18n/i18n';
import { languageOf } from '../setup/page-locals';
import { redirectAfterPost, renderPage } from '../setup/render-page';
import { formatDate } from '../setup/view-engine';
import { dateValue, hoursText } from './confirmation-form';
import { noStore } from './confirmation-page';
import { endReasonChoices } from './monthly-view';

/** Employees on one page of the list. */
const PAGE_SIZE = 50;

type Change = 'hours' | 'end';
/** The route parameters of one employee's change. */
interface EmployeeAddress {
  contractId: string;
  placementId: string;
}

const cursorOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const idsOf = (placementId: string) => ({ hours: `hours-${placementId}`, from: `from-${placementId}`, endDate: `endDate-${placementId}`, reason: `reason-${placementId}` });

/**
 * "My employees under the clause": a contract's placements (the REST list's, for the contract's
 * own supplier), and per employee a change of hours from a date and an end with a date and
 * a reason, through the same placement service as the REST routes.
 */
@ApiExcludeController()
@WebForms()
@Roles('supplier_hr')
@Controller('supplier/contracts/:contractId/employees')
export class ContractEmployeesPagesController {
  constructor(
    private readonly employees: ContractEmployeesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Param('contractId') contractId: string,
    @Query('cursor') cursor: unknown,
    @Query('saved') saved: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(req, res, actor, contractId, cursorOf(cursor), { saved: saved === 'hours' || saved === 'end' ? saved : undefined });
  }

  @Post(':placementId/hours')
  changeHours(@CurrentActor() actor: Actor, @Param() at: EmployeeAddress, @FormBody() values: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ids = idsOf(at.placementId);
    return this.change(req, res, actor, at, values, 'hours', {
      dto: ChangeHoursDto,
      body: { weeklyHours: number(values[ids.hours]), effectiveFrom: dateValue(values[ids.from]) },
      fields: { weeklyHours: ids.hours, effectiveFrom: ids.from },
      labels: (t) => ({ weeklyHours: t('monthly.employees.newHours'), effectiveFrom: t('monthly.employees.hoursFrom') }),
      run: (dto) => this.employees.changeHours(actor, at.contractId, at.placementId, dto as ChangeHoursDto),
    });
  }

  @Post(':placementId/end')
  end(@CurrentActor() actor: Actor, @Param() at: EmployeeAddress, @FormBody() values: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ids = idsOf(at.placementId);
    return this.change(req, res, actor, at, values, 'end', {
      dto: EndPlacementDto,
      body: { endDate: dateValue(values[ids.endDate]), reason: text(values[ids.reason]) },
      fields: { endDate: ids.endDate, reason: ids.reason },
      labels: (t) => ({ endDate: t('monthly.employees.endDate'), reason: t('monthly.employees.reason') }),
      run: (dto) => this.employees.end(actor, at.contractId, at.placementId, dto as EndPlacementDto),
    });
  }

  /**
   * One change: the page is loaded first (the contract's scope is checked before anything
   * else), the input checked with the REST route's DTO, then the service runs; on success
   * post/redirect/get to the list, else the list again with the error summary and the input.
   */
  private async change(
    req: Request,
    res: Response,
    actor: Actor,
    { contractId, placementId }: EmployeeAddress,
    values: FormValues,
    kind: Change,
    spec: {
      dto: new () => object;
      body: Record<string, unknown>;
      fields: Record<string, string>;
      labels: (t: Translate) => Record<string, string>;
      run: (dto: object) => Promise<unknown>;
    },
  ): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const cursor = cursorOf(values.cursor);
    const page = await this.employees.page(actor, contractId, { cursor, limit: PAGE_SIZE });
    const shown = page.employees.items.find((item) => item.id === placementId);
    const name = shown?.employeeName ?? t('monthly.employee.unnamed', { date: formatDate(shown?.startDate, lang) });
    const labels = Object.fromEntries(Object.entries(spec.labels(t)).map(([path, label]) => [path, t('monthly.employees.fieldOf', { field: label, name })]));
    const firstField = Object.values(spec.fields)[0];
    const idOf = (path: string) => spec.fields[path] ?? firstField;
    const open = { placementId, kind };
    const checked = await validateForm(spec.dto, spec.body, labels, t, idOf);
    if (checked.errors) return this.render(req, res, actor, contractId, cursor, { values, errors: checked.errors, open }, 400, page);
    try {
      await spec.run(checked.value);
    } catch (error) {
      const errors = refusalOf(error, idOf, firstField, name, t, lang);
      if (!errors) throw error;
      const status = error instanceof InvalidInputError ? 400 : error instanceof ConflictError ? 409 : 422;
      return this.render(req, res, actor, contractId, cursor, { values, errors, open }, status);
    }
    redirectAfterPost(res, `/supplier/contracts/${encodeURIComponent(contractId)}/employees?saved=${kind}`);
  }

  private async render(
    req: Request,
    res: Response,
    actor: Actor,
    contractId: string,
    cursor: string | undefined,
    state: { values?: FormValues; errors?: FormErrors; open?: { placementId: string; kind: Change }; saved?: Change },
    status = 200,
    loaded?: Awaited<ReturnType<ContractEmployeesService['page']>>,
  ): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const { contract, employees } = loaded ?? (await this.employees.page(actor, contractId, { cursor, limit: PAGE_SIZE }));
    const base = `/supplier/contracts/${encodeURIComponent(contract.id)}/employees`;
    const today = copenhagenDateOf(this.clock.now());
    const values: FormValues = {};
    for (const item of employees.items) {
      const ids = idsOf(item.id);
      // Empty rather than undefined: the layout's select compares its choices with the value.
      Object.assign(values, { [ids.endDate]: '', [ids.reason]: '' });
      // Pre-filled so a change is one field: the hours now, from today.
      if (state.open?.placementId !== item.id) Object.assign(values, { [ids.hours]: hoursText(item.weeklyHours, lang), [ids.from]: today });
    }
    Object.assign(values, state.values);
    noStore(res);
    renderPage(
      req,
      res,
      'monthly/employees.njk',
      {
        title: t('monthly.employees.title'),
        contract,
        base,
        cursor: cursor ?? '',
        today,
        saved: state.saved,
        form: { values, errors: state.errors },
        reasons: endReasonChoices(t),
        employees: employees.items.map((item) => ({
          ...item,
          name: item.employeeName ?? t('monthly.employee.unnamed', { date: formatDate(item.startDate, lang) }),
          active: item.state === 'active',
          ids: idsOf(item.id),
          hoursOpen: state.open?.placementId === item.id && state.open.kind === 'hours',
          endOpen: state.open?.placementId === item.id && state.open.kind === 'end',
        })),
        nextPage: employees.nextCursor ? `${base}?cursor=${encodeURIComponent(employees.nextCursor)}` : null,
        laterPage: cursor !== undefined,
      },
      status,
    );
  }
}

/** A refusal of the service as the form's error: a date before the start on its field, with the start; the rest as the domain says. */
function refusalOf(error: unknown, idOf: (path: string) => string, fallback: string, name: string, t: Translate, lang: Language): FormErrors | undefined {
  if (error instanceof InvalidInputError && error.details?.problem === 'before_start' && typeof error.details.field === 'string') {
    return errorsOf([{ field: idOf(error.details.field), text: t('monthly.employees.errors.beforeStart', { name, start: formatDate(error.details.startDate, lang) }) }]);
  }
  return domainErrorOf(error, t, fallback, lang);
}
