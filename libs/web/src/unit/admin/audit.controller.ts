import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles, UsersService, WebForms } from '@klausul/identity';
import type { Page } from '@klausul/paging';
import { AUDIT_KINDS, type AuditEntry, AuditQueryDto, AuditTrailRepository } from '@klausul/workflow';
import { type FormErrors, text, validateForm } from '../../forms/form';
import { type Language, type Translate, translator } from '../../i18n/i18n';
import { languageOf } from '../../setup/page-locals';
import { renderPage } from '../../setup/render-page';
import { formatDate } from '../../setup/view-engine';
import { PAGE_SIZE, pagerModel } from '../unit-pages';
import { ADMIN_ROLES, adminNavigation, listPath, unitPageOf } from './admin-pages';

/** The people offered in the person filter, by e-mail address (a municipality has tens to a few hundred). */
const PEOPLE_CHOICES = 200;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The audit trail: every change (workflow transition) and every read of personal data,
 * newest first, by kind, person and date, with the people named.
 */
@ApiExcludeController()
@WebForms()
@Roles(...ADMIN_ROLES)
@Controller('unit/admin/audit')
export class AuditPagesController {
  constructor(
    private readonly trail: AuditTrailRepository,
    private readonly users: UsersService,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const filters = { kind: text(query.kind), userId: text(query.userId), before: text(query.before) };
    const labels = { kind: t('unitAdmin.audit.kind'), userId: t('unitAdmin.audit.person'), before: t('unitAdmin.audit.before'), cursor: t('unitAdmin.audit.title') };
    const cursor = text(query.cursor);
    const before = filters.before && DAY.test(filters.before) ? copenhagenMidnight(filters.before) : filters.before;
    const checked = await validateForm(AuditQueryDto, { ...filters, before, cursor }, labels, t);
    const people = await this.users.list(actor, { limit: PEOPLE_CHOICES });
    let page: Page<AuditEntry> = { items: [], nextCursor: null };
    let errors: FormErrors | undefined = checked.errors;
    if (checked.value) page = await this.trail.page(actor, { ...checked.value, limit: PAGE_SIZE });
    const names = await this.users.displayNames(actor, { userIds: page.items.map((e) => e.actor.userId), apiKeyIds: page.items.map((e) => e.actor.apiKeyId) });
    renderPage(req, res, 'unit/admin/audit.njk', {
      title: t('unitAdmin.audit.title'),
      sideNav: adminNavigation(t, '/unit/admin/audit'),
      form: { values: filters, errors },
      entries: page.items.map((entry) => entryModel(entry, names, t, lang)),
      kinds: [{ value: '', text: t('unit.filter.all') }, ...AUDIT_KINDS.map((kind) => ({ value: kind, text: t(`unitAdmin.audit.kinds.${kind}`) }))],
      people: [{ value: '', text: t('unitAdmin.audit.everyone') }, ...people.items.map((u) => ({ value: u.id, text: `${u.displayName} (${u.email})` }))],
      pager: pagerModel(page, (next) => listPath('/unit/admin/audit', filters, next), cursor !== undefined),
    }, errors ? 400 : 200);
  }
}

/** Midnight of a day in Copenhagen as an instant ("entries before 3 March" means before the day began there). */
function copenhagenMidnight(day: string): string {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // A day that does not exist (2025-02-30) stays as typed, so validation refuses it rather than rolling over to March.
  if (Number.isNaN(utcMidnight.getTime()) || utcMidnight.toISOString().slice(0, 10) !== day) return day;
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(utcMidnight));
  return new Date(utcMidnight.getTime() - hour * 3_600_000).toISOString();
}

function entryModel(entry: AuditEntry, names: ReadonlyMap<string, string>, t: Translate, lang: Language) {
  const personId = entry.actor.userId ?? entry.actor.apiKeyId;
  const time = new Date(entry.at);
  const clock = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Copenhagen' }).format(time);
  const change = entry.kind === 'change';
  const state = (name: string | null) => (name ? t(`unit.states.${entry.subject.type}.${name}`, { defaultValue: name }) : null);
  return {
    at: entry.at,
    when: `${formatDate(entry.at, lang)} ${clock}`,
    who: personId ? (names.get(personId) ?? t('unit.history.unknownPerson')) : t('unit.history.system'),
    role: entry.actor.role ? t(`common.roles.${entry.actor.role}`, { defaultValue: entry.actor.role }) : null,
    kind: t(`unitAdmin.audit.kinds.${entry.kind}`),
    subject: t(`unitAdmin.audit.subjects.${entry.subject.type}`, { defaultValue: entry.subject.type }),
    subjectId: entry.subject.id,
    subjectPage: unitPageOf(entry.subject.type, entry.subject.id, true),
    action: change
      ? t(`unit.events.${entry.subject.type}.${entry.action}`, { defaultValue: entry.action })
      : t(`unitAdmin.audit.actions.${entry.action}`, { defaultValue: entry.action }),
    from: state(entry.from),
    to: state(entry.to),
  };
}
