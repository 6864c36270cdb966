import type { ReviewView } from '@klausul/followup';
import { translator } from '../../i18n/i18n';
import { answeredBySupplier, PERIOD_TABLES, reviewRow, tableOf, tablePath, tableQuery } from './period-tables';
import { conclusionChecks, programmeChoices } from './review-page';

const review = (over: Partial<ReviewView> = {}): ReviewView => ({
  id: 'r1', contractId: 'c1', supplierId: 's1', supplierName: 'Fynsk Rutekørsel A/S', tenderTitle: 'Visiteret rutekørsel', period: '2025-03', state: 'submitted',
  version: 2, dueOn: '2025-04-08', supplierNote: null, correctedAt: null, noteToSupplier: null, placements: [], ...over,
});

describe('the month\'s tables', () => {
  it('takes the urgent ones first, and splits overdue at the escalation', () => {
    expect(PERIOD_TABLES).toEqual(['escalated', 'overdue', 'submitted', 'awaiting_supplier', 'concluded']);
    expect(tableQuery('escalated')).toEqual({ state: 'overdue', escalated: 'true' });
    expect(tableQuery('overdue')).toEqual({ state: 'overdue', escalated: 'false' });
    expect(tableQuery('concluded')).toEqual({ state: 'concluded' });
  });

  it('reads one table from the query, and nothing from a word that is not a state', () => {
    expect(tableOf('overdue', 'true')).toBe('escalated');
    expect(tableOf('overdue', undefined)).toBe('overdue');
    expect(tableOf('submitted', 'true')).toBe('submitted');
    expect(tableOf('open', undefined)).toBeUndefined();
    expect(tableOf(['submitted'], undefined)).toBeUndefined();
  });

  it('links a table\'s pages with its period, state and cursor', () => {
    expect(tablePath('2025-03', 'escalated', 'a b')).toBe('/unit/reviews?period=2025-03&state=overdue&escalated=true&cursor=a%20b');
    expect(tablePath('2025-03', 'submitted')).toBe('/unit/reviews?period=2025-03&state=submitted');
  });

  it('puts the supplier\'s answers in sentences, in both languages', () => {
    const answers = {
      left: [{ name: 'Anna Jensen', endDate: '2025-03-20', endReason: 'education' }],
      hoursChanged: [{ name: null, from: 12, to: 15.5 }],
      notes: [{ name: 'Bo Hansen', note: 'Kører morgenruter' }],
    };
    const da = reviewRow(review({ supplierNote: 'Travl måned' }), answers, translator('da'), 'da');
    expect(da).toMatchObject({
      href: '/unit/reviews/r1',
      dueOn: '8. april 2025',
      left: ['Anna Jensen, 20. marts 2025: Startet på uddannelse'],
      hoursChanged: ['Medarbejder uden navn: 12 → 15,5 timer pr. uge'],
      notes: ['Bo Hansen: Kører morgenruter', 'Leverandørens note: Travl måned'],
    });
    expect(reviewRow(review(), answers, translator('en'), 'en').hoursChanged).toEqual(['Employee without a name: 12 → 15.5 hours a week']);
  });
});

describe('whether the supplier answered', () => {
  const check = { placementId: 'p1', startDate: '2025-02-03', placementState: 'active', previousWeeklyHours: 10, stillEmployed: null, weeklyHours: null, endDate: null, endReason: null, note: null };
  it('an awaiting or overdue review is unanswered, not "no changes"; a concluded one only if it has answers', () => {
    expect([answeredBySupplier(review({ state: 'awaiting_supplier' })), answeredBySupplier(review({ state: 'overdue' })), answeredBySupplier(review())]).toEqual([false, false, true]);
    expect(answeredBySupplier(review({ state: 'concluded', placements: [check] }))).toBe(false);
    expect(answeredBySupplier(review({ state: 'concluded', placements: [{ ...check, stillEmployed: true }] }))).toBe(true);
    expect(reviewRow(review({ state: 'overdue' }), undefined, translator('da'), 'da').answered).toBe(false);
  });
});

describe('the programmes a conclusion offers', () => {
  it('only those with places left, with the count in words', () => {
    const choices = programmeChoices([{ id: 'a', name: 'Kørekort D1', placesLeft: 1 }, { id: 'b', name: 'Fuldt', placesLeft: 0 }, { id: 'c', name: 'Førstehjælp', placesLeft: 4 }], translator('da'));
    expect(choices.map((c) => c.text)).toEqual(['Vælg forløb', 'Kørekort D1 (1 plads tilbage)', 'Førstehjælp (4 pladser tilbage)']);
  });
});

describe('what a conclusion\'s actions need', () => {
  const t = translator('da');
  it('a programme with upskilling, a note with a breach notice', () => {
    expect(conclusionChecks({ discussion: 'x', actions: ['offer_upskilling', 'notify_breach'] }, t).map((e) => e.field)).toEqual(['upskillingProgrammeId', 'breachNote']);
    expect(conclusionChecks({ discussion: 'x', actions: ['offer_upskilling'], upskillingProgrammeId: 'p' }, t)).toEqual([]);
    expect(conclusionChecks({ discussion: 'x', actions: ['request_replacement'] }, t)).toEqual([]);
  });
});
