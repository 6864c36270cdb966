import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CreateTenderDto, TENDER_STATES, TenderService } from '@klausul/contracts';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles, UsersService, WebForms } from '@klausul/identity';
import { WorkflowHistoryRepository } from '@klausul/workflow';
import { domainErrorOf, FormBody, type FormState, type FormValues, validateForm } from '../../forms/form';
import { translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { choiceParam, cursorParam, idParam, PAGE_SIZE, pagerModel, UNIT_ROLES } from '../unit-pages';
import { areaChoices, DEFAULT_LOTS, inOrder, lotCountOf, tenderInput, tenderLabels, tenderValues } from './tender-forms';
import { BUTTON_EVENTS, DONE_EVENTS, refusalStatus, renderTenderPage, stateText, versionOf } from './tender-page';

type ButtonEvent = (typeof BUTTON_EVENTS)[number];

/**
 * Phase 1 for the unit: the tender list by state, a new tender with its lots, the tender's
 * page, and the events fired by a button (start the dialogue, publish, hand over).
 */
@ApiExcludeController()
@WebForms()
@Roles(...UNIT_ROLES)
@Controller('unit/tenders')
export class TendersPagesController {
  constructor(
    private readonly tenders: TenderService,
    readonly history: WorkflowHistoryRepository,
    readonly users: UsersService,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query('state') state: unknown, @Query('cursor') cursor: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const chosen = choiceParam(state, TENDER_STATES);
    const after = cursorParam(cursor);
    const page = await this.tenders.list(actor, { state: chosen, cursor: after, limit: PAGE_SIZE });
    const path = (next?: string) => {
      const query = new URLSearchParams({ ...(chosen ? { state: chosen } : {}), ...(next ? { cursor: next } : {}) }).toString();
      return query ? `/unit/tenders?${query}` : '/unit/tenders';
    };
    const filters = [
      { href: '/unit/tenders', text: t('unit.filter.all'), current: !chosen },
      ...TENDER_STATES.map((s) => ({ href: `/unit/tenders?state=${s}`, text: stateText(s, t), current: chosen === s })),
    ];
    renderPage(req, res, 'unit/tenders/list.njk', {
      title: t('unitTenders.list.title'),
      rows: page.items.map((tender) => ({ ...tender, stateText: stateText(tender.state, t), areaText: t(`unitTenders.areas.${tender.procurementArea}`) })),
      filters,
      chosenText: chosen ? stateText(chosen, t) : null,
      pager: pagerModel(page, path, after !== undefined),
    });
  }

  @Get('new')
  newForm(@Req() req: Request, @Res() res: Response): void {
    this.renderNew(req, res, { values: tenderValues({}, DEFAULT_LOTS) }, DEFAULT_LOTS, 200);
  }

  /** `_action=lots` only redraws the form with that many lot rows (what a person typed stays); anything else creates (Enter in a field too: the first, hidden button). */
  @Post('new')
  async create(@CurrentActor() actor: Actor, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const lotCount = lotCountOf(body.lotCount);
    const values = tenderValues(body, lotCount);
    if (body._action === 'lots') return this.renderNew(req, res, { values }, lotCount, 200);
    const labels = tenderLabels(t, lotCount);
    const checked = await validateForm(CreateTenderDto, tenderInput(values, lotCount), labels, t);
    if (checked.errors) return this.renderNew(req, res, { values, errors: inOrder(checked.errors, Object.keys(values)) }, lotCount, 400);
    try {
      const created = await this.tenders.create(actor, checked.value);
      redirectAfterPost(res, `/unit/tenders/${created.id}?done=create`);
    } catch (error) {
      // A taken reference is the one conflict of a new tender: named on its field.
      const errors = domainErrorOf(error, t, 'title', lang, labels);
      if (!errors) throw error;
      this.renderNew(req, res, { values, errors }, lotCount, refusalStatus(error));
    }
  }

  @Get(':tenderId')
  async view(@CurrentActor() actor: Actor, @Param('tenderId') tenderId: string, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const tender = await this.tenders.get(actor, idParam(tenderId, 'tender'));
    await renderTenderPage(this, req, res, actor, tender, { done: choiceParam(done, DONE_EVENTS) });
  }

  @Post(':tenderId/start-dialogue')
  startDialogue(@CurrentActor() actor: Actor, @Param('tenderId') tenderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.fire(actor, idParam(tenderId, 'tender'), 'start-dialogue', body, req, res);
  }

  @Post(':tenderId/publish')
  publish(@CurrentActor() actor: Actor, @Param('tenderId') tenderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.fire(actor, idParam(tenderId, 'tender'), 'publish', body, req, res);
  }

  @Post(':tenderId/hand-over')
  handOver(@CurrentActor() actor: Actor, @Param('tenderId') tenderId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.fire(actor, idParam(tenderId, 'tender'), 'hand-over', body, req, res);
  }

  /** One button's event with the version the page showed; a refusal shows the tender as it is now, with the reason. */
  private async fire(actor: Actor, id: string, event: ButtonEvent, body: FormValues, req: Request, res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const checked = versionOf(body, t);
    if (checked.errors) return renderTenderPage(this, req, res, actor, await this.tenders.get(actor, id), { errors: checked.errors }, 400);
    const dto = { expectedVersion: checked.version };
    try {
      if (event === 'start-dialogue') await this.tenders.startDialogue(actor, id, dto);
      else if (event === 'publish') await this.tenders.publish(actor, id, dto);
      else await this.tenders.handOver(actor, id, dto);
      redirectAfterPost(res, `/unit/tenders/${id}?done=${event}`);
    } catch (error) {
      const errors = domainErrorOf(error, t, 'actions', lang);
      if (!errors) throw error;
      await renderTenderPage(this, req, res, actor, await this.tenders.get(actor, id), { errors }, refusalStatus(error));
    }
  }

  private renderNew(req: Request, res: Response, form: FormState, lotCount: number, status: number): void {
    const t = translator(languageOf(req));
    const lots = Array.from({ length: lotCount }, (_, i) => ({ index: i, number: i + 1 }));
    renderPage(req, res, 'unit/tenders/new.njk', { title: t('unitTenders.new.title'), form, lots, areas: areaChoices(t) }, status);
  }
}
