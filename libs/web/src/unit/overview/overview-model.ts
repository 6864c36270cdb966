import type { ContractView, TargetsView } from '@klausul/contracts';
import type { FollowUpComplianceService } from '@klausul/followup';
import type { Language, Translate } from '../../i18n/i18n';
import { formatDate, formatNumber } from '../../setup/view-engine';

/** The overview's sort choices, worst status first by default (ContractListQuery.sort values). */
export const OVERVIEW_SORTS = ['status', 'firstHireDueOn', '-startDate', 'endDate'] as const;

/** The filter form's values as typed in the address (checked by ContractListQuery before use). */
export interface OverviewFilters {
  area?: string;
  supplierId?: string;
  status?: string;
  sort?: string;
}

/** The overview's address with its filters and, for a later page, the cursor. */
export function overviewPath(filters: OverviewFilters, cursor?: string): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return search ? `/unit?${search}` : '/unit';
}

/** "actual / required" as the tables show figures against the requirement. */
export function figureText(figure: { actual: number; required: number } | null | undefined, lang: Language): string | null {
  return figure ? `${formatNumber(figure.actual, lang)} / ${formatNumber(figure.required, lang)}` : null;
}

export interface ContractRow {
  id: string;
  path: string;
  tenderTitle: string;
  supplierName: string;
  lotsText: string;
  hires: string | null;
  weeklyHours: string | null;
  status: string;
  firstHireDueOn: string | null;
  alerts: number;
}

export function contractRow(contract: ContractView, t: Translate, lang: Language): ContractRow {
  return {
    id: contract.id,
    path: `/unit/contracts/${contract.id}`,
    tenderTitle: contract.tenderTitle,
    supplierName: contract.supplierName,
    lotsText: contract.lotNumbers.join(', '),
    hires: figureText(contract.compliance?.hires, lang),
    weeklyHours: figureText(contract.compliance?.weeklyHours, lang),
    status: contract.compliance?.status ?? 'unknown',
    firstHireDueOn: contract.firstHireDueOn ? formatDate(contract.firstHireDueOn, lang) : null,
    alerts: contract.alerts.length,
  };
}

const REVIEW_STATES = ['awaiting_supplier', 'submitted', 'overdue', 'escalated'] as const;

/**
 * The month's reviews by state, each a link to that table of the review list. The counts
 * are the list's: an escalated review (overdue past its escalation) is not also counted
 * as overdue, so the number beside a link is the number of rows behind it.
 */
export function reviewStateLinks(period: string, counts: Record<(typeof REVIEW_STATES)[number], number>): { state: string; count: number; path: string }[] {
  const month = encodeURIComponent(period);
  return REVIEW_STATES.map((state) => ({
    state,
    count: state === 'overdue' ? counts.overdue - counts.escalated : counts[state],
    path:
      state === 'overdue' || state === 'escalated'
        ? `/unit/reviews?period=${month}&state=overdue&escalated=${state === 'escalated'}`
        : `/unit/reviews?period=${month}&state=${state}`,
  }));
}

type Dashboard = Awaited<ReturnType<FollowUpComplianceService['dashboard']>>;

const percent = (ratio: number, lang: Language) => new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);

/** The year's targets (måltal) and the progress toward them, in words; a bar only beside a target that is set. */
export function targetsModel(targets: TargetsView, dashboard: Dashboard, t: Translate, lang: Language) {
  const n = (value: number) => formatNumber(value, lang);
  const hires = targets.progress.hiresUnderClauses;
  const hiresTarget = targets.targets.hiresUnderClauses;
  const share = targets.progress.clauseShare;
  const shareTarget = targets.targets.clauseShare;
  return {
    year: targets.year,
    countedOn: formatDate(targets.progress.countedOn, lang),
    hires: {
      text: hiresTarget === null ? t('unitOverview.targets.hiresNoTarget', { actual: n(hires) }) : t('unitOverview.targets.hires', { actual: n(hires), target: n(hiresTarget) }),
      bar: hiresTarget ? { value: Math.min(hires, hiresTarget), max: hiresTarget } : null,
      met: targets.met.hiresUnderClauses,
    },
    clauseShare: {
      text:
        share === null
          ? t('unitOverview.targets.noTenders')
          : t('unitOverview.targets.share', { share: percent(share, lang), withClause: n(targets.progress.tendersWithClause), eligible: n(targets.progress.eligibleTenders) }),
      targetText: shareTarget === null ? t('unitOverview.targets.noTarget') : t('unitOverview.targets.shareTarget', { target: percent(shareTarget, lang) }),
      bar: shareTarget && share !== null ? { value: Math.round(Math.min(share, shareTarget) * 100), max: Math.round(shareTarget * 100) } : null,
      met: targets.met.clauseShare,
    },
    totals: {
      hires: t('unitOverview.targets.totalHires', { actual: n(dashboard.totals.hires.actual), required: n(dashboard.totals.hires.required) }),
      weeklyHours: t('unitOverview.targets.totalHours', { actual: n(dashboard.totals.weeklyHours.actual), required: n(dashboard.totals.weeklyHours.required) }),
    },
    statuses: (['breached', 'at_risk', 'on_track'] as const).map((status) => ({ status, count: dashboard.statuses[status] })),
  };
}
