import type { SeriesPeriod } from '@klausul/followup';
import { translator } from '../../i18n/i18n';
import { figuresModel, NAMES_PER_REASON, notCountedGroups } from './contract-model';

const month = (period: string, hires: number, hours: number | null, running = false): SeriesPeriod => ({
  period,
  at: `${period}-28`,
  running,
  hires: { actual: hires, required: 13 },
  weeklyHours: hours === null ? null : { actual: hours, required: 130 },
  status: hires >= 13 ? 'on_track' : 'at_risk',
});

describe("the contract page's figures", () => {
  it('draws the series and lists the same figures in its table, the latest month in words', () => {
    const model = figuresModel([month('2026-09', 0, 0), month('2026-10', 16, 186), month('2026-11', 15, 177, true)], translator('da'), 'da');
    expect(model.rows.map((r) => [r.month, r.hires, r.hours, r.status])).toEqual([
      ['september 2026', '0 / 13', '0 / 130', 'at_risk'],
      ['oktober 2026', '16 / 13', '186 / 130', 'on_track'],
      ['november 2026', '15 / 13', '177 / 130', 'on_track'],
    ]);
    expect(model.hires.actual.points.map((p) => p.value)).toEqual([0, 16, 15]);
    expect(model.hours!.required.points.map((p) => p.value)).toEqual([130, 130, 130]);
    expect(model.latest).toBe('november 2026: 15 af 13 ansættelser, 177 af 130 timer om ugen. Måneden er ikke slut: talt til i dag.');
    expect(model.xLabels.hires).toEqual(['sep. 26', 'okt. 26', 'nov. 26']);
    expect(model.yLabels.hours).toEqual(['0', '50', '100', '150', '200']);
  });

  it('has one chart when the clauses require hires only', () => {
    const model = figuresModel([month('2026-10', 2, null)], translator('en'), 'en');
    expect(model.hours).toBeNull();
    expect(model.rows[0].hours).toBeNull();
    expect(model.latest).toBe('October 2026: 2 of 13 hires.');
  });
});

describe("the contract page's not counted placements", () => {
  it('groups them by reason with a count, names those it knows and counts the rest', () => {
    const notCounted = [
      ...Array.from({ length: 13 }, (_, i) => ({ placementId: `p${i}`, reason: 'ended_too_early' })),
      { placementId: 'q', reason: 'not_started' },
    ];
    const names = new Map<string, string | null>([...Array.from({ length: 12 }, (_, i) => [`p${i}`, `Ansat ${i}`] as [string, string]), ['q', null]]);
    const groups = notCountedGroups(notCounted, names, translator('da'));
    expect(groups.map((g) => [g.reason, g.count, g.names.length, g.others])).toEqual([
      ['Stoppet for tidligt', '13 ansatte', NAMES_PER_REASON, 'og 3 andre'],
      // Not named (no name given): counted only.
      ['Ikke startet endnu', '1 ansat', 0, null],
    ]);
    expect(groups[0].names[0]).toBe('Ansat 0');
  });
});
