import type { ReviewAnswers, ReviewView } from '@klausul/followup';
import type { Page } from '@klausul/paging';
import type { Language, Translate } from '../../i18n/i18n';
import { formatDate, formatNumber } from '../../setup/view-engine';

/** The month's tables, in the order the meeting takes them: the most urgent first. */
export const PERIOD_TABLES = ['escalated', 'overdue', 'submitted', 'awaiting_supplier', 'concluded'] as const;
export type PeriodTable = (typeof PERIOD_TABLES)[number];

/** How each table asks ReviewService.list: escalated and "overdue" split the overdue state at the escalation cutoff. */
export function tableQuery(table: PeriodTable): { state: 'awaiting_supplier' | 'submitted' | 'overdue' | 'concluded'; escalated?: 'true' | 'false' } {
  if (table === 'escalated') return { state: 'overdue', escalated: 'true' };
  if (table === 'overdue') return { state: 'overdue', escalated: 'false' };
  return { state: table };
}

/** The table a `state` (+ `escalated`) query names, or undefined for all of them. */
export function tableOf(state: unknown, escalated: unknown): PeriodTable | undefined {
  if (state === 'overdue') return escalated === 'true' ? 'escalated' : 'overdue';
  return (['submitted', 'awaiting_supplier', 'concluded'] as const).find((table) => table === state);
}

/** The address of one table (a "more" link or its pages). */
export function tablePath(period: string, table: PeriodTable, cursor?: string | null): string {
  const { state, escalated } = tableQuery(table);
  const query = [`period=${encodeURIComponent(period)}`, `state=${state}`, ...(escalated ? [`escalated=${escalated}`] : []), ...(cursor ? [`cursor=${encodeURIComponent(cursor)}`] : [])];
  return `/unit/reviews?${query.join('&')}`;
}

export interface ReviewRowModel {
  id: string;
  href: string;
  supplier: string;
  tender: string;
  dueOn: string;
  employees: number;
  /** Whether the supplier has answered: an unanswered review says so rather than "no changes". */
  answered: boolean;
  left: string[];
  hoursChanged: string[];
  notes: string[];
}

/**
 * Whether the supplier answered the review: submitted, or concluded with answers (the unit may
 * conclude an overdue review the supplier never answered).
 */
export function answeredBySupplier(review: Pick<ReviewView, 'state' | 'placements' | 'supplierNote'>): boolean {
  if (review.state === 'submitted') return true;
  return review.state === 'concluded' && (review.supplierNote !== null || review.placements.some((p) => p.stillEmployed !== null));
}

/** One review as a row of the month's tables: its facts and the supplier's answers in sentences. */
export function reviewRow(review: ReviewView, answers: ReviewAnswers | undefined, t: Translate, lang: Language): ReviewRowModel {
  const nameOf = (name: string | null) => name ?? t('unitMeetings.unnamed');
  const found = answers ?? { left: [], hoursChanged: [], notes: [] };
  return {
    id: review.id,
    href: `/unit/reviews/${review.id}`,
    supplier: review.supplierName,
    tender: review.tenderTitle,
    dueOn: formatDate(review.dueOn, lang),
    employees: review.placements.length,
    answered: answeredBySupplier(review),
    left: found.left.map((l) =>
      t('unitMeetings.answers.leftEntry', {
        name: nameOf(l.name),
        date: l.endDate ? formatDate(l.endDate, lang) : t('unitMeetings.answers.noDate'),
        reason: t(`monthly.reasons.${l.endReason ?? 'other'}`, { defaultValue: l.endReason ?? '' }),
      }),
    ),
    hoursChanged: found.hoursChanged.map((h) => t('unitMeetings.answers.hoursEntry', { name: nameOf(h.name), from: formatNumber(h.from, lang), to: formatNumber(h.to, lang) })),
    notes: [...found.notes.map((n) => `${nameOf(n.name)}: ${n.note}`), ...(review.supplierNote ? [t('unitMeetings.answers.supplierNote', { note: review.supplierNote })] : [])],
  };
}

export interface PeriodTableModel {
  key: PeriodTable;
  heading: string;
  count: number;
  rows: ReviewRowModel[];
  more: string | null;
}

/** A table of the page from its page of reviews. */
export function periodTable(key: PeriodTable, count: number, page: Page<ReviewView>, answers: Map<string, ReviewAnswers>, period: string, t: Translate, lang: Language): PeriodTableModel {
  return {
    key,
    heading: t(`unitMeetings.tables.${key}`),
    count,
    rows: page.items.map((review) => reviewRow(review, answers.get(review.id), t, lang)),
    more: page.nextCursor ? tablePath(period, key, page.nextCursor) : null,
  };
}
