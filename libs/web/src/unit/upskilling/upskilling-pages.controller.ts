import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SuppliersService } from '@klausul/contracts';
import { type Actor, GuardFailedError } from '@klausul/domain';
import { CreateProgrammeDto, EnrolParticipantDto, type ProgrammeView, UPSKILLING_ROLES, upskillingParticipantWorkflow, UpskillingService } from '@klausul/followup';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { domainErrorOf, errorsOf, FormBody, type FormState, type FormValues, list, number, text, validateForm } from '../../forms/form';
import { type Translate, translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { redirectAfterPost, renderPage } from '../../setup/render-page';
import { choiceParam, cursorParam, idParam, PAGE_SIZE, pagerModel, SUPPLIER_CHOICES } from '../unit-pages';
import { participantRow, programmeRow, UPSKILLING_SAVED } from './upskilling-view';

const PARTICIPANT_STATES = upskillingParticipantWorkflow.table.states;
const PROGRAMME_FIELDS = ['name', 'description', 'capacity', 'maxDurationMonths'] as const;
const ENROL_FIELDS = ['name', 'startDate', 'plannedEndDate', 'note'] as const;

const typed = (body: FormValues, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, typeof body[f] === 'string' ? body[f] : '']));

/**
 * Upskilling programmes (UPSKILLING_ROLES): the list with places left, a new programme,
 * one programme with its participants and the enrol form. Each form is checked with the
 * REST route's DTO and handed to UpskillingService as the REST routes do.
 */
@ApiExcludeController()
@WebForms()
@Roles(...UPSKILLING_ROLES)
@Controller('unit/upskilling')
export class UpskillingPagesController {
  constructor(
    private readonly upskilling: UpskillingService,
    private readonly suppliers: SuppliersService,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query('cursor') cursor: unknown, @Query('saved') saved: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const after = cursorParam(cursor);
    const page = await this.upskilling.list(actor, { cursor: after, limit: PAGE_SIZE });
    renderPage(req, res, 'unit/upskilling/list.njk', {
      title: t('unitMatching.upskilling.title'),
      rows: page.items.map((p) => programmeRow(p, t)),
      pager: pagerModel(page, (next) => (next ? `/unit/upskilling?cursor=${encodeURIComponent(next)}` : '/unit/upskilling'), after !== undefined),
      saved: choiceParam(saved, UPSKILLING_SAVED) ?? null,
    });
  }

  @Get('new')
  async newForm(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.renderNew(actor, req, res, { values: { partnerSupplierIds: [] } });
  }

  @Post('new')
  async create(@CurrentActor() actor: Actor, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const values = { ...typed(body, PROGRAMME_FIELDS), partnerSupplierIds: list(body.partnerSupplierIds) };
    const input = {
      name: text(body.name),
      description: text(body.description),
      capacity: number(body.capacity),
      maxDurationMonths: number(body.maxDurationMonths),
      ...(values.partnerSupplierIds.length ? { partnerSupplierIds: values.partnerSupplierIds } : {}),
    };
    const labels = programmeLabels(t);
    const checked = await validateForm(CreateProgrammeDto, dropUndefined(input), labels, t, (path) => (path.startsWith('partnerSupplierIds') ? 'partnerSupplierIds-option1' : path));
    if (checked.errors) return this.renderNew(actor, req, res, { values, errors: checked.errors }, 400);
    try {
      const created = await this.upskilling.create(actor, checked.value);
      redirectAfterPost(res, `/unit/upskilling/${created.id}?saved=created`);
    } catch (error) {
      const errors = domainErrorOf(error, t, 'partnerSupplierIds-option1', lang);
      if (!errors) throw error;
      this.renderNew(actor, req, res, { values, errors }, 400);
    }
  }

  @Get(':programmeId')
  async programme(
    @CurrentActor() actor: Actor,
    @Param('programmeId') programmeId: string,
    @Query('state') state: unknown,
    @Query('cursor') cursor: unknown,
    @Query('saved') saved: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderProgramme(actor, idParam(programmeId, 'upskilling_programme'), req, res, {
      state: choiceParam(state, PARTICIPANT_STATES),
      cursor: cursorParam(cursor),
      saved: choiceParam(saved, UPSKILLING_SAVED),
      form: { values: {} },
    });
  }

  /** Enrols a citizen; a full programme is refused (422) with the places named on the form. */
  @Post(':programmeId/participants')
  async enrol(@CurrentActor() actor: Actor, @Param('programmeId') programmeId: string, @FormBody() body: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const id = idParam(programmeId, 'upskilling_programme');
    const lang = languageOf(req);
    const t = translator(lang);
    const programme = await this.upskilling.get(actor, id);
    const values = typed(body, ENROL_FIELDS);
    const input = dropUndefined({ name: text(body.name), startDate: text(body.startDate), plannedEndDate: text(body.plannedEndDate), note: text(body.note) });
    const checked = await validateForm(EnrolParticipantDto, input, enrolLabels(t), t);
    if (checked.errors) return this.renderProgramme(actor, id, req, res, { form: { values, errors: checked.errors }, status: 400 });
    try {
      await this.upskilling.enrol(actor, id, checked.value);
      redirectAfterPost(res, `/unit/upskilling/${id}?saved=enrolled`);
    } catch (error) {
      if (error instanceof GuardFailedError && error.details?.event === 'enrol') {
        const errors = errorsOf([{ field: 'name', text: t('unitMatching.upskilling.programme.full', { capacity: programme.capacity }) }]);
        return this.renderProgramme(actor, id, req, res, { form: { values, errors }, status: 422 });
      }
      const errors = domainErrorOf(error, t, 'plannedEndDate', lang);
      if (!errors) throw error;
      this.renderProgramme(actor, id, req, res, { form: { values, errors }, status: 400 });
    }
  }

  private async renderNew(actor: Actor, req: Request, res: Response, form: FormState, status = 200): Promise<void> {
    const t = translator(languageOf(req));
    const suppliers = await this.suppliers.list(actor, { limit: SUPPLIER_CHOICES, sort: 'name' });
    const chosen = (form.values.partnerSupplierIds as string[] | undefined) ?? [];
    renderPage(
      req,
      res,
      'unit/upskilling/new.njk',
      {
        title: t('unitMatching.upskilling.form.title'),
        form,
        labels: programmeLabels(t),
        partners: suppliers.items.map((s) => ({ value: s.id, label: `${s.name} (CVR ${s.cvr})`, checked: chosen.includes(s.id) })),
      },
      status,
    );
  }

  private async renderProgramme(
    actor: Actor,
    id: string,
    req: Request,
    res: Response,
    model: { state?: string; cursor?: string; saved?: string; form: FormState; status?: number },
  ): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const programme: ProgrammeView = await this.upskilling.get(actor, id);
    const page = await this.upskilling.participants(actor, id, { state: model.state, cursor: model.cursor, limit: PAGE_SIZE });
    const base = `/unit/upskilling/${id}`;
    const path = (next?: string) => {
      const query = [model.state ? `state=${model.state}` : '', next ? `cursor=${encodeURIComponent(next)}` : ''].filter(Boolean).join('&');
      return query ? `${base}?${query}` : base;
    };
    renderPage(
      req,
      res,
      'unit/upskilling/programme.njk',
      {
        title: programme.name,
        programme: programmeRow(programme, t),
        participants: page.items.map((p) => participantRow(p, t, lang)),
        filters: [undefined, ...PARTICIPANT_STATES].map((state) => ({
          text: state ? t(`unit.states.upskilling_participant.${state}`) : t('unitMatching.upskilling.programme.all'),
          path: state ? `${base}?state=${state}` : base,
          current: state === model.state,
        })),
        pager: pagerModel(page, path, model.cursor !== undefined),
        saved: model.saved ?? null,
        form: model.form,
        labels: enrolLabels(t),
      },
      model.status ?? 200,
    );
  }
}

function programmeLabels(t: Translate): Record<string, string> {
  const label = (key: string) => t(`unitMatching.upskilling.form.${key}`);
  return { name: label('name'), description: label('description'), capacity: label('capacity'), maxDurationMonths: label('maxDurationMonths'), partnerSupplierIds: label('partners') };
}

function enrolLabels(t: Translate): Record<string, string> {
  const label = (key: string) => t(`unitMatching.upskilling.programme.${key}`);
  return { name: label('enrolName'), startDate: label('startDate'), plannedEndDate: label('plannedEndDate'), note: label('note') };
}

/** The DTO's optional fields are left out when empty, as a REST client would. */
function dropUndefined<T extends Record<string, unknown>>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as T;
}
