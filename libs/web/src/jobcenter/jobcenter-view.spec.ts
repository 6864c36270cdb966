import { translator } from '../i18n/i18n';
import { deadlineStatus, deadlineText } from './jobcenter-view';

/** Noon in Copenhagen on a calendar day (winter time). */
const noonOn = (date: string) => new Date(`${date}T11:00:00Z`);

describe("the jobcenter's deadline in working days", () => {
  it('counts working days left, skipping the weekend', () => {
    // Friday 2026-01-09 to Tuesday 2026-01-13: Monday and Tuesday.
    expect(deadlineStatus('2026-01-13', noonOn('2026-01-09'))).toEqual({ kind: 'left', days: 2 });
  });

  it('skips Danish public holidays (Easter 2026: Maundy Thursday to Easter Monday)', () => {
    // Wednesday 2026-04-01 to Tuesday 2026-04-07: only the Tuesday is a working day.
    expect(deadlineStatus('2026-04-07', noonOn('2026-04-01'))).toEqual({ kind: 'left', days: 1 });
  });

  it('says when the deadline is today, and how long ago it passed', () => {
    expect(deadlineStatus('2026-01-13', noonOn('2026-01-13'))).toEqual({ kind: 'today' });
    expect(deadlineStatus('2026-01-09', noonOn('2026-01-13'))).toEqual({ kind: 'passed', days: 2 });
    // The day is Copenhagen's: 23:30 there on the 13th is still the deadline day, 00:30 on the 14th is past it.
    expect(deadlineStatus('2026-01-13', new Date('2026-01-13T22:30:00Z'))).toEqual({ kind: 'today' });
    expect(deadlineStatus('2026-01-13', new Date('2026-01-13T23:30:00Z'))).toEqual({ kind: 'passed', days: 1 });
    expect(deadlineStatus(null, noonOn('2026-01-13'))).toEqual({ kind: 'none' });
  });

  it('says it in Danish and English, singular and plural', () => {
    const [da, en] = [translator('da'), translator('en')];
    expect(deadlineText({ kind: 'left', days: 1 }, da)).toBe('1 arbejdsdag tilbage');
    expect(deadlineText({ kind: 'left', days: 10 }, da)).toBe('10 arbejdsdage tilbage');
    expect(deadlineText({ kind: 'passed', days: 2 }, en)).toBe('the deadline passed 2 working days ago');
    expect(deadlineText({ kind: 'today' }, da)).toBe('fristen er i dag');
  });
});
