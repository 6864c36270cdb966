import { EMPLOYMENT_FORMS, PROCUREMENT_AREAS, TARGET_GROUPS, type TenderView, WILLINGNESS } from '@klausul/contracts';
import { bool, errorsOf, type FieldError, type FormErrors, type FormValues, lines, list, number, text } from '../../forms/form';
import type { Translate } from '../../i18n/i18n';

/** A new tender starts with one lot row; more rows come from the lot count (no JavaScript needed). */
export const DEFAULT_LOTS = 1;
export const MAX_LOTS = 100;

/** The lot count the person asked for, kept between 1 and MAX_LOTS (anything else is the default). */
export function lotCountOf(value: unknown): number {
  const typed = number(value);
  return typeof typed === 'number' && Number.isInteger(typed) ? Math.min(MAX_LOTS, Math.max(1, typed)) : DEFAULT_LOTS;
}

const lotField = (i: number, name: string) => `lots-${i}-${name}`;

/** The new-tender form as typed: every field a string, one title and value per lot row (rows beyond the count dropped). */
export function tenderValues(body: FormValues, lotCount: number): FormValues {
  const values: FormValues = { lotCount: String(lotCount) };
  for (const name of ['reference', 'title', 'description', 'procurementArea', 'estimatedValueDkk', 'durationMonths']) values[name] = typedText(body[name]);
  for (let i = 0; i < lotCount; i++) {
    values[lotField(i, 'title')] = typedText(body[lotField(i, 'title')]);
    values[lotField(i, 'estimatedValueDkk')] = typedText(body[lotField(i, 'estimatedValueDkk')]);
  }
  return values;
}

/** The body CreateTenderDto checks: lots numbered 1, 2, ... in row order. */
export function tenderInput(values: FormValues, lotCount: number): Record<string, unknown> {
  return {
    reference: text(values.reference),
    title: text(values.title),
    description: text(values.description),
    procurementArea: text(values.procurementArea),
    estimatedValueDkk: number(values.estimatedValueDkk),
    durationMonths: number(values.durationMonths),
    lots: Array.from({ length: lotCount }, (_, i) => ({
      number: i + 1,
      title: text(values[lotField(i, 'title')]),
      estimatedValueDkk: number(values[lotField(i, 'estimatedValueDkk')]),
    })),
  };
}

export function tenderLabels(t: Translate, lotCount: number): Record<string, string> {
  const labels: Record<string, string> = {
    reference: t('unitTenders.fields.reference'),
    title: t('unitTenders.fields.title'),
    description: t('unitTenders.fields.description'),
    procurementArea: t('unitTenders.fields.procurementArea'),
    estimatedValueDkk: t('unitTenders.fields.estimatedValueDkk'),
    durationMonths: t('unitTenders.fields.durationMonths'),
    lots: t('unitTenders.new.lotsLegend'),
  };
  for (let i = 0; i < lotCount; i++) {
    labels[lotField(i, 'title')] = t('unitTenders.new.lotTitleOf', { n: i + 1 });
    labels[lotField(i, 'estimatedValueDkk')] = t('unitTenders.new.lotValueOf', { n: i + 1 });
    labels[lotField(i, 'number')] = t('unitTenders.new.lotTitleOf', { n: i + 1 });
  }
  return labels;
}

export const areaChoices = (t: Translate) => [
  { value: '', text: t('unitTenders.fields.chooseArea') },
  ...PROCUREMENT_AREAS.map((area) => ({ value: area, text: t(`unitTenders.areas.${area}`) })),
];

/** A posted field as the person typed it (a repeated field is not one). */
function typedText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

// --- screening ---

const SCREENING_LISTS = ['suitableTasks', 'coreTasks', 'ancillaryTasks', 'upskillingOptions'] as const;

export function screeningValues(body: FormValues): FormValues {
  return {
    ...Object.fromEntries(SCREENING_LISTS.map((name) => [name, typedText(body[name])])),
    splitShifts: typedText(body.splitShifts),
    estimatedHires: typedText(body.estimatedHires),
    notes: typedText(body.notes),
  };
}

/** The form prefilled with the tender's current screening, so a revision starts from it. */
export function screeningValuesOf(tender: TenderView): FormValues {
  const s = tender.screening;
  if (!s) return { splitShifts: '' };
  return {
    ...Object.fromEntries(SCREENING_LISTS.map((name) => [name, s[name].join('\n')])),
    splitShifts: String(s.splitShifts),
    estimatedHires: String(s.estimatedHires),
    notes: s.notes,
  };
}

export function screeningInput(values: FormValues): Record<string, unknown> {
  const split = values.splitShifts === 'true' ? true : values.splitShifts === 'false' ? false : undefined;
  return {
    ...Object.fromEntries(SCREENING_LISTS.map((name) => [name, lines(values[name])])),
    splitShifts: split,
    estimatedHires: number(values.estimatedHires),
    notes: text(values.notes),
  };
}

export function screeningLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(['suitableTasks', 'coreTasks', 'ancillaryTasks', 'upskillingOptions', 'splitShifts', 'estimatedHires', 'notes'].map((name) => [name, t(`unitTenders.screening.${name}`)]));
}

// --- dialogue meeting ---

const MEETING_LISTS = ['participants', 'tasksMatched', 'upskillingNeeds'] as const;

export function meetingValues(body: FormValues): FormValues {
  return Object.fromEntries(['heldOn', 'bidderName', 'supplierId', 'notes', 'willingness', ...MEETING_LISTS].map((name) => [name, typedText(body[name])]));
}

/** The bidder is a registered supplier (its name is the bidder's name when none is typed) or a free name. */
export function meetingInput(values: FormValues, supplierName: string | undefined): Record<string, unknown> {
  return {
    heldOn: text(values.heldOn),
    bidderName: text(values.bidderName) ?? supplierName,
    supplierId: text(values.supplierId),
    notes: text(values.notes),
    willingness: text(values.willingness),
    ...Object.fromEntries(MEETING_LISTS.map((name) => [name, lines(values[name])])),
  };
}

export function meetingLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(['heldOn', 'bidderName', 'supplierId', 'notes', 'willingness', ...MEETING_LISTS].map((name) => [name, t(`unitTenders.meeting.${name}`)]));
}

export const willingnessChoices = (t: Translate) => WILLINGNESS.map((w) => ({ value: w, text: t(`unitTenders.willingness.${w}`) }));

// --- define clause ---

/** Terms shared by every clause of the form (a clause per lot differs only in hires and hours). */
const CLAUSE_SHARED = ['targetGroups', 'employmentForms', 'requiresRsvCooperation', 'firstHireWithinMonths', 'fullFulfilmentWithinMonths'] as const;
const CLAUSE_OWN = ['requiredHires', 'weeklyHoursPerHire', 'totalWeeklyHours'] as const;
export type ClauseScope = 'tender' | 'lots';

export function clauseValues(body: FormValues, tender: TenderView): FormValues {
  const values: FormValues = {
    scope: body.scope === 'lots' ? 'lots' : 'tender',
    targetGroups: list(body.targetGroups),
    employmentForms: list(body.employmentForms),
    requiresRsvCooperation: bool(body.requiresRsvCooperation),
    firstHireWithinMonths: typedText(body.firstHireWithinMonths),
    fullFulfilmentWithinMonths: typedText(body.fullFulfilmentWithinMonths),
    noMeetingReason: typedText(body.noMeetingReason),
  };
  for (const name of CLAUSE_OWN) values[`whole-${name}`] = typedText(body[`whole-${name}`]);
  tender.lots.forEach((_, i) => {
    for (const name of CLAUSE_OWN) values[`lot-${i}-${name}`] = typedText(body[`lot-${i}-${name}`]);
  });
  return values;
}

/** The form prefilled from the tender's drafts (a redraft starts from the last one), else with its screening's estimate. */
export function clauseValuesOf(tender: TenderView): FormValues {
  const drafts = tender.clauseDrafts;
  const first = drafts[0];
  const values: FormValues = {
    scope: first && first.lotNumber !== null ? 'lots' : 'tender',
    targetGroups: first?.targetGroups ?? [],
    employmentForms: first?.employmentForms ?? [],
    requiresRsvCooperation: first?.requiresRsvCooperation ?? false,
    firstHireWithinMonths: first?.firstHireWithinMonths !== undefined ? String(first.firstHireWithinMonths) : '',
    fullFulfilmentWithinMonths: first?.fullFulfilmentWithinMonths !== undefined ? String(first.fullFulfilmentWithinMonths) : '',
    noMeetingReason: '',
    'whole-requiredHires': first && first.lotNumber === null ? String(first.requiredHires) : tender.screening ? String(tender.screening.estimatedHires || '') : '',
    'whole-weeklyHoursPerHire': first && first.lotNumber === null && first.weeklyHoursPerHire !== null ? String(first.weeklyHoursPerHire) : '',
    'whole-totalWeeklyHours': first && first.lotNumber === null && first.totalWeeklyHours !== null ? String(first.totalWeeklyHours) : '',
  };
  tender.lots.forEach((lot, i) => {
    const draft = drafts.find((d) => d.lotNumber === lot.number);
    values[`lot-${i}-requiredHires`] = draft ? String(draft.requiredHires) : '';
    values[`lot-${i}-weeklyHoursPerHire`] = draft?.weeklyHoursPerHire != null ? String(draft.weeklyHoursPerHire) : '';
    values[`lot-${i}-totalWeeklyHours`] = draft?.totalWeeklyHours != null ? String(draft.totalWeeklyHours) : '';
  });
  return values;
}

/** The body DefineClauseDto checks: one clause for the whole tender, or one per lot with the shared terms. */
export function clauseInput(values: FormValues, tender: TenderView, needsReason: boolean): Record<string, unknown> {
  const shared = {
    targetGroups: values.targetGroups,
    employmentForms: values.employmentForms,
    requiresRsvCooperation: values.requiresRsvCooperation,
    firstHireWithinMonths: number(values.firstHireWithinMonths),
    fullFulfilmentWithinMonths: number(values.fullFulfilmentWithinMonths),
  };
  const own = (prefix: string) => Object.fromEntries(CLAUSE_OWN.map((name) => [name, number(values[`${prefix}-${name}`])]));
  const clauses =
    values.scope === 'lots'
      ? tender.lots.map((lot, i) => ({ lotNumber: lot.number, ...own(`lot-${i}`), ...shared }))
      : [{ ...own('whole'), ...shared }];
  return { clauses, noMeetingReason: needsReason ? text(values.noMeetingReason) : undefined };
}

/** A DTO path (`clauses-2-requiredHires`) to the input showing it. */
export function clauseFieldId(scope: ClauseScope): (path: string) => string {
  return (path) => {
    const match = /^clauses-(\d+)-(\w+)$/.exec(path);
    if (!match) return path === 'clauses' ? 'scope' : path;
    const [, index, name] = match;
    if ((CLAUSE_SHARED as readonly string[]).includes(name)) return name;
    return scope === 'lots' ? `lot-${index}-${name}` : `whole-${name}`;
  };
}

export function clauseLabels(t: Translate, tender: TenderView): Record<string, string> {
  const labels: Record<string, string> = { scope: t('unitTenders.clause.scope'), noMeetingReason: t('unitTenders.clause.noMeetingReason') };
  for (const name of [...CLAUSE_SHARED, ...CLAUSE_OWN]) labels[name] = t(`unitTenders.clause.${name}`);
  for (const name of CLAUSE_OWN) labels[`whole-${name}`] = t(`unitTenders.clause.${name}`);
  tender.lots.forEach((lot, i) => {
    for (const name of CLAUSE_OWN) labels[`lot-${i}-${name}`] = t('unitTenders.clause.ofLot', { field: t(`unitTenders.clause.${name}`), n: lot.number });
  });
  return labels;
}

/** Labels by DTO path, for validateForm (which looks labels up before mapping the id). */
export function clausePathLabels(t: Translate, tender: TenderView, scope: ClauseScope): Record<string, string> {
  const byId = clauseLabels(t, tender);
  const id = clauseFieldId(scope);
  const labels: Record<string, string> = { ...byId, clauses: byId.scope };
  const count = scope === 'lots' ? tender.lots.length : 1;
  for (let i = 0; i < count; i++) for (const name of [...CLAUSE_SHARED, ...CLAUSE_OWN, 'lotNumber']) labels[`clauses-${i}-${name}`] = byId[id(`clauses-${i}-${name}`)] ?? byId.scope;
  return labels;
}

export const targetGroupChoices = (t: Translate) => TARGET_GROUPS.map((g) => ({ value: g, text: t(`unitTenders.targetGroups.${g}`) }));
export const employmentFormChoices = (t: Translate) => EMPLOYMENT_FORMS.map((f) => ({ value: f, text: t(`unitTenders.employmentForms.${f}`) }));

/** "Say why no meeting was held" is required exactly when the dialogue guard would otherwise refuse. */
export function needsNoMeetingReason(tender: TenderView): boolean {
  return tender.meetings.length === 0 && !tender.noMeetingReason;
}

export function requiredReason(values: FormValues, t: Translate): FieldError | null {
  return text(values.noMeetingReason) ? null : { field: 'noMeetingReason', text: t('common.errors.required', { field: t('unitTenders.clause.noMeetingReason') }) };
}

// --- award ---

/** Rows offered for splitting a whole-tender clause between the winners (one per lot, at most this many). */
export const MAX_SPLIT_ROWS = 10;
const SPLIT_FIELDS = ['supplierId', 'requiredHires', 'weeklyHoursPerHire'] as const;

/** A clause for the whole tender may be split between the winners other than in proportion to their lots. */
export function splitRows(tender: TenderView): number {
  const whole = tender.clauseDrafts.length === 1 && tender.clauseDrafts[0].lotNumber === null;
  return whole ? Math.min(tender.lots.length, MAX_SPLIT_ROWS) : 0;
}

export function awardValues(body: FormValues, tender: TenderView): FormValues {
  const values: FormValues = { startDate: typedText(body.startDate), endDate: typedText(body.endDate) };
  tender.lots.forEach((_, i) => (values[`lots-${i}-supplierId`] = typedText(body[`lots-${i}-supplierId`])));
  for (let k = 0; k < splitRows(tender); k++) for (const name of SPLIT_FIELDS) values[`split-${k}-${name}`] = typedText(body[`split-${k}-${name}`]);
  return values;
}

/** The split rows the person filled in (a row with any field), by row number. */
function filledSplitRows(values: FormValues, tender: TenderView): number[] {
  return Array.from({ length: splitRows(tender) }, (_, k) => k).filter((k) => SPLIT_FIELDS.some((name) => text(values[`split-${k}-${name}`]) !== undefined));
}

export function awardInput(values: FormValues, tender: TenderView): Record<string, unknown> {
  const rows = filledSplitRows(values, tender);
  return {
    startDate: text(values.startDate),
    endDate: text(values.endDate),
    lots: tender.lots.map((lot, i) => ({ lotNumber: lot.number, supplierId: text(values[`lots-${i}-supplierId`]) })),
    // No row filled in: the clause is split in proportion to the lots each winner got.
    clauseSplit: rows.length
      ? rows.map((k) => ({ supplierId: text(values[`split-${k}-supplierId`]), requiredHires: number(values[`split-${k}-requiredHires`]), weeklyHoursPerHire: number(values[`split-${k}-weeklyHoursPerHire`]) }))
      : undefined,
  };
}

/** A DTO path of the award (`clauseSplit-1-requiredHires`) to the input showing it. */
export function awardFieldId(values: FormValues, tender: TenderView): (path: string) => string {
  const rows = filledSplitRows(values, tender);
  return (path) => {
    if (path === 'clauseSplit') return `split-${rows[0] ?? 0}-supplierId`;
    const match = /^clauseSplit-(\d+)-(\w+)$/.exec(path);
    if (!match) return path;
    const name = (SPLIT_FIELDS as readonly string[]).includes(match[2]) ? match[2] : 'requiredHires';
    return `split-${rows[Number(match[1])] ?? 0}-${name}`;
  };
}

export function awardLabels(t: Translate, tender: TenderView, values: FormValues = {}): Record<string, string> {
  const labels: Record<string, string> = { startDate: t('unitTenders.award.startDate'), endDate: t('unitTenders.award.endDate'), lots: t('unitTenders.award.lotsLegend') };
  tender.lots.forEach((lot, i) => {
    labels[`lots-${i}-supplierId`] = t('unitTenders.award.winnerOf', { n: lot.number, title: lot.title });
    labels[`lots-${i}-lotNumber`] = labels[`lots-${i}-supplierId`];
  });
  labels.clauseSplit = t('unitTenders.award.splitLegend');
  for (let k = 0; k < splitRows(tender); k++) {
    for (const name of SPLIT_FIELDS) labels[`split-${k}-${name}`] = t('unitTenders.award.splitField', { field: t(`unitTenders.award.split.${name}`), n: k + 1 });
  }
  // validateForm looks labels up by the DTO's path.
  filledSplitRows(values, tender).forEach((k, j) => {
    for (const name of [...SPLIT_FIELDS, 'totalWeeklyHours']) labels[`clauseSplit-${j}-${name}`] = labels[`split-${k}-${name === 'totalWeeklyHours' ? 'weeklyHoursPerHire' : name}`];
  });
  return labels;
}

// --- shared ---

/** Field errors in the order the fields stand on the form (the summary reads top to bottom). */
export function inOrder(errors: FormErrors, order: readonly string[]): FormErrors {
  const rank = (field: string) => {
    const i = order.indexOf(field);
    return i === -1 ? order.length : i;
  };
  return errorsOf([...errors.list].sort((a, b) => rank(a.field) - rank(b.field)));
}

export function withError(errors: FormErrors | undefined, extra: FieldError | null): FormErrors | undefined {
  if (!extra) return errors;
  return errorsOf([...(errors?.list ?? []), extra]);
}
