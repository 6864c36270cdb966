import type { TargetsView } from '@klausul/contracts';
import { translator } from '../../i18n/i18n';
import { overviewPath, reviewStateLinks, targetsModel } from './overview-model';

const da = translator('da');

describe("the unit's overview model", () => {
  it('keeps the filters and the sort in the page links, and leaves empty ones out', () => {
    expect(overviewPath({})).toBe('/unit');
    expect(overviewPath({ area: 'cleaning', supplierId: '', status: 'at_risk', sort: '-startDate' }, 'abc=')).toBe('/unit?area=cleaning&status=at_risk&sort=-startDate&cursor=abc%3D');
  });

  it("links each of the month's review states to the review list's table, counting an escalated review once", () => {
    // stateCounts' overdue includes the escalated ones; the list's "overdue" table does not.
    const links = reviewStateLinks('2026-10', { awaiting_supplier: 3, submitted: 2, overdue: 3, escalated: 1 });
    expect(links.map((l) => [l.state, l.count])).toEqual([['awaiting_supplier', 3], ['submitted', 2], ['overdue', 2], ['escalated', 1]]);
    expect(links[0].path).toBe('/unit/reviews?period=2026-10&state=awaiting_supplier');
    expect(links[2].path).toBe('/unit/reviews?period=2026-10&state=overdue&escalated=false');
    expect(links[3].path).toBe('/unit/reviews?period=2026-10&state=overdue&escalated=true');
  });

  it('says the progress toward the targets in words, with a bar only where a target is set', () => {
    const targets: TargetsView = {
      year: 2026,
      targets: { clauseShare: 0.8, hiresUnderClauses: 40 },
      progress: { eligibleTenders: 8, tendersWithClause: 6, clauseShare: 0.75, hiresUnderClauses: 31, countedOn: '2026-11-20' },
      met: { clauseShare: false, hiresUnderClauses: false },
    };
    const dashboard = { year: 2026, at: '2026-11-20', totals: { hires: { actual: 31, required: 26 }, weeklyHours: { actual: 372, required: 260 } }, statuses: { on_track: 2, at_risk: 1, breached: 0 }, target: null };
    const model = targetsModel(targets, dashboard, da, 'da');
    expect(model.hires).toEqual({ text: '31 af 40 ansættelser', bar: { value: 31, max: 40 }, met: false });
    expect(model.clauseShare.text).toMatch(/^75\s%\saf udbuddene \(6 af 8\)$/);
    expect(model.clauseShare.bar).toEqual({ value: 75, max: 80 });
    expect(model.totals).toEqual({ hires: '31 af 26 ansættelser', weeklyHours: '372 af 260 timer om ugen' });
    expect(model.statuses).toEqual([{ status: 'breached', count: 0 }, { status: 'at_risk', count: 1 }, { status: 'on_track', count: 2 }]);
    const none = targetsModel({ ...targets, targets: { clauseShare: null, hiresUnderClauses: null }, met: { clauseShare: null, hiresUnderClauses: null } }, dashboard, da, 'da');
    expect(none.hires).toEqual({ text: '31 ansættelser (intet måltal sat)', bar: null, met: null });
    expect(none.clauseShare.bar).toBeNull();
  });
});
