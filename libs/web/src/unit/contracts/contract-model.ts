import type { ComplianceView, ContractView } from '@klausul/contracts';
import type { RetentionPoint, ReviewView, SeriesPeriod } from '@klausul/followup';
import type { ContractPlacementView, JobOrderView } from '@klausul/matching';
import { type ChartGeometry, seriesChart } from '../../charts/series-chart';
import type { Language, Translate } from '../../i18n/i18n';
import { formatDate, formatNumber } from '../../setup/view-engine';
import { monthText } from '../unit-pages';
import { figureText } from '../overview/overview-model';

/** One clause with its terms and how far it is met today: what counts, and what does not and why. */
export function clauseModels(contract: ContractView, compliance: ComplianceView, names: ReadonlyMap<string, string | null>, t: Translate, lang: Language) {
  const n = (value: number | null) => formatNumber(value, lang);
  return contract.clauses.map((clause) => {
    const today = compliance.clauses.find((c) => c.clauseId === clause.id);
    return {
      id: clause.id,
      heading: clause.lotNumber === null ? t('unitOverview.clauses.wholeTender') : t('unitOverview.clauses.lot', { lot: clause.lotNumber }),
      terms:
        clause.requiredWeeklyHours === null
          ? t('unitOverview.clauses.hiresOnly', { hires: n(clause.requiredHires) })
          : clause.weeklyHoursPerHire !== null
            ? t('unitOverview.clauses.perHire', { hires: n(clause.requiredHires), hours: n(clause.weeklyHoursPerHire), total: n(clause.requiredWeeklyHours) })
            : t('unitOverview.clauses.total', { hires: n(clause.requiredHires), total: n(clause.requiredWeeklyHours) }),
      targetGroups: clause.targetGroups.map((g) => t(`jobcenter.targetGroups.${g}`, { defaultValue: g })).join(', '),
      employmentForms: clause.employmentForms.map((f) => t(`supplier.employmentForms.${f}`, { defaultValue: f })).join(', '),
      deadlines:
        clause.firstHireDeadline && clause.fullFulfilmentDeadline
          ? t('unitOverview.clauses.deadlines', { first: formatDate(clause.firstHireDeadline, lang), full: formatDate(clause.fullFulfilmentDeadline, lang) })
          : null,
      rsv: clause.requiresRsvCooperation ? t(today?.rsvCooperation.met ? 'unitOverview.clauses.rsvMet' : 'unitOverview.clauses.rsvMissing') : null,
      hires: figureText(today?.hires, lang),
      weeklyHours: figureText(today?.weeklyHours, lang),
      met: today?.met ?? false,
      counted: today
        ? (['active', 'served_share'] as const).flatMap((basis) => {
            const count = today.counted.filter((c) => c.basis === basis).length;
            return count ? [t(`unitOverview.clauses.basis.${basis}`, { count })] : [];
          })
        : [],
      notCounted: notCountedGroups(today?.notCounted ?? [], names, t),
    };
  });
}

/** Names listed beside a reason at most; the rest are counted ("and 12 others"). */
export const NAMES_PER_REASON = 10;

/**
 * What does not count, by reason: how many, and the names of those on the page's first
 * placements (`names`; a long contract's others are counted, not named, so the list stays short).
 */
export function notCountedGroups(notCounted: readonly { placementId: string; reason: string }[], names: ReadonlyMap<string, string | null>, t: Translate) {
  const byReason = new Map<string, string[]>();
  for (const { placementId, reason } of notCounted) byReason.set(reason, [...(byReason.get(reason) ?? []), placementId]);
  return [...byReason].map(([reason, ids]) => {
    const named = ids.map((id) => names.get(id)).filter((name): name is string => !!name).slice(0, NAMES_PER_REASON);
    return {
      reason: t(`unitOverview.clauses.reasons.${reason}`, { defaultValue: reason }),
      count: t('unitOverview.clauses.people', { count: ids.length }),
      names: named,
      others: ids.length - named.length > 0 && named.length > 0 ? t('unitOverview.clauses.others', { count: ids.length - named.length }) : null,
    };
  });
}

export interface FiguresModel {
  hires: ChartGeometry;
  hours: ChartGeometry | null;
  /** The latest month in words, for the charts' descriptions. */
  latest: string | null;
  /** The last month has not ended (its marker is hollow). */
  running: boolean;
  rows: { period: string; month: string; running: boolean; hires: string; hours: string | null; status: string }[];
  yLabels: { hires: string[]; hours: string[] };
  xLabels: { hires: string[]; hours: string[] };
}

/** The monthly series as two charts (hires; weekly hours when the clause has hours) and the same figures as table rows. */
export function figuresModel(periods: readonly SeriesPeriod[], t: Translate, lang: Language): FiguresModel {
  const withHours = periods.some((p) => p.weeklyHours !== null);
  const hires = seriesChart(periods.map((p) => ({ period: p.period, actual: p.hires.actual, required: p.hires.required, running: p.running })));
  const hours = withHours
    ? seriesChart(periods.map((p) => ({ period: p.period, actual: p.weeklyHours?.actual ?? 0, required: p.weeklyHours?.required ?? 0, running: p.running })))
    : null;
  const last = periods.at(-1);
  const n = (value: number) => formatNumber(value, lang);
  const latest = last
    ? t(last.weeklyHours ? 'unitOverview.chart.latest' : 'unitOverview.chart.latestHiresOnly', {
        month: monthText(last.period, lang),
        hires: n(last.hires.actual),
        requiredHires: n(last.hires.required),
        hours: n(last.weeklyHours?.actual ?? 0),
        requiredHours: n(last.weeklyHours?.required ?? 0),
      }) + (last.running ? ` ${t('unitOverview.chart.runningNote')}` : '')
    : null;
  // Axis labels short ("sep. 26"), so twelve fit under the chart; the table and the description say the month in full.
  const short = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const shortMonth = (period: string) => short.format(new Date(`${period}-15T12:00:00Z`));
  return {
    hires,
    hours,
    latest,
    running: last?.running ?? false,
    rows: periods.map((p) => ({
      period: p.period,
      month: monthText(p.period, lang),
      running: p.running,
      hires: figureText(p.hires, lang)!,
      hours: figureText(p.weeklyHours, lang),
      status: p.status,
    })),
    yLabels: { hires: hires.yTicks.map((tick) => n(tick.value)), hours: (hours?.yTicks ?? []).map((tick) => n(tick.value)) },
    xLabels: { hires: hires.xLabels.map((l) => shortMonth(l.period)), hours: (hours?.xLabels ?? []).map((l) => shortMonth(l.period)) },
  };
}

export function retentionRows(points: readonly RetentionPoint[], lang: Language) {
  const percent = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  return points.map((p) => ({ months: p.months, eligible: p.eligible, retained: p.retained, rate: p.rate === null ? null : percent.format(p.rate) }));
}

export function placementRows(placements: readonly ContractPlacementView[], t: Translate) {
  return placements.map((p) => ({
    id: p.id,
    name: p.employeeName ?? t('unitOverview.placements.noName'),
    jobTitle: p.jobTitle ?? '',
    partner: p.partner ? p.partner.name : t('unitOverview.placements.ownStaff'),
    startDate: p.startDate,
    endDate: p.endDate,
    weeklyHours: p.weeklyHours,
    stateText: t(`unit.states.placement.${p.state}`, { defaultValue: p.state }),
  }));
}

export function jobOrderRows(orders: readonly JobOrderView[], t: Translate) {
  return orders.map((o) => ({
    id: o.id,
    title: o.title,
    stateText: t(`unit.states.job_order.${o.state}`, { defaultValue: o.state }),
    positions: o.positions,
    candidatesDueOn: o.candidatesDueOn,
  }));
}

/** A contract's history mixes workflows: each entry says what it is about ("Ansættelse: Fratrådt"). */
export function withKinds<E extends { event: string }>(entries: E[], workflows: readonly string[], t: Translate): E[] {
  return entries.map((entry, i) => ({ ...entry, event: `${t(`unitOverview.history.kinds.${workflows[i]}`, { defaultValue: workflows[i] })}: ${entry.event}` }));
}

export function reviewRows(reviews: readonly ReviewView[], t: Translate, lang: Language) {
  return reviews.map((r) => ({
    id: r.id,
    month: monthText(r.period, lang),
    stateText: t(`unit.states.review.${r.state}`, { defaultValue: r.state }),
    dueOn: r.dueOn,
  }));
}
