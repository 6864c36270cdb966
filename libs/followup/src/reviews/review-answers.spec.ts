import { effectOfAnswer, effectOfCorrection, type PlacementCheckState, type RecordedAnswer, validateAnswers } from './review-answers';

const check = (over: Partial<PlacementCheckState> = {}): PlacementCheckState => ({
  placementId: 'p1',
  startDate: '2025-02-01',
  placementState: 'active',
  previousWeeklyHours: 12,
  currentWeeklyHours: 12,
  answer: null,
  ...over,
});
const employed = (weeklyHours: number, note: string | null = null): RecordedAnswer => ({ stillEmployed: true, weeklyHours, endDate: null, endReason: null, note });
const ended = (endDate: string): RecordedAnswer => ({ stillEmployed: false, weeklyHours: null, endDate, endReason: 'resigned', note: null });

describe('the monthly confirmation: answers and what they do to placements', () => {
  it('refuses inconsistent answers with a 400 naming the placement', () => {
    const checks = new Map([['p1', check()]]);
    expect(() => validateAnswers([{ placementId: 'p1', stillEmployed: true }], checks, '2025-04-01')).toThrow('weeklyHours is required');
    expect(() => validateAnswers([{ placementId: 'p1', stillEmployed: false, endDate: '2025-04-02', endReason: 'resigned' }], checks, '2025-04-01')).toThrow('in the future');
    expect(() => validateAnswers([], checks, '2025-04-01')).toThrow('missing: p1');
    expect(() => validateAnswers([{ placementId: 'p1', stillEmployed: true, weeklyHours: 12 }], checks, '2025-04-01')).not.toThrow();
  });

  it('the first answer changes hours only when they differ from those in effect, from the month or the start in it', () => {
    expect(effectOfAnswer({ placementId: 'p1', stillEmployed: true, weeklyHours: 12 }, check(), '2025-03-01')).toEqual({ kind: 'none' });
    expect(effectOfAnswer({ placementId: 'p1', stillEmployed: true, weeklyHours: 15 }, check(), '2025-03-01')).toEqual({ kind: 'change_hours', weeklyHours: 15, effectiveFrom: '2025-03-01' });
    // A placement hired in the month keeps its hired hours on its start date (the history's first entry); the change follows it.
    expect(effectOfAnswer({ placementId: 'p1', stillEmployed: true, weeklyHours: 15 }, check({ startDate: '2025-03-10' }), '2025-03-01')).toMatchObject({ effectiveFrom: '2025-03-11' });
    expect(effectOfAnswer({ placementId: 'p1', stillEmployed: true, weeklyHours: 15 }, check({ startDate: '2025-03-01' }), '2025-03-01')).toMatchObject({ effectiveFrom: '2025-03-02' });
    expect(effectOfAnswer({ placementId: 'p1', stillEmployed: false, endDate: '2025-03-20', endReason: 'resigned' }, check({ placementState: 'ended' }), '2025-03-01')).toEqual({ kind: 'none' });
  });

  it('#11.5: a correction does what the placement workflow can, and refuses to undo what it recorded', () => {
    const c = (over: Partial<PlacementCheckState> = {}) => check(over);
    // Still employed -> ended: the placement ends.
    expect(effectOfCorrection(employed(12), { placementId: 'p1', stillEmployed: false, endDate: '2025-03-20', endReason: 'resigned' }, c(), '2025-03-01'))
      .toEqual({ kind: 'end', endDate: '2025-03-20', reason: 'resigned' });
    // Hours this review left alone can change.
    expect(effectOfCorrection(employed(12), { placementId: 'p1', stillEmployed: true, weeklyHours: 11 }, c(), '2025-03-01'))
      .toEqual({ kind: 'change_hours', weeklyHours: 11, effectiveFrom: '2025-03-01' });
    // Only the note: nothing happens to the placement.
    expect(effectOfCorrection(employed(12), { placementId: 'p1', stillEmployed: true, weeklyHours: 12, note: 'ny' }, c(), '2025-03-01')).toEqual({ kind: 'none' });
    // Hours this review already changed for the month, an end it recorded, a placement ended since: refused.
    expect(effectOfCorrection(employed(15), { placementId: 'p1', stillEmployed: true, weeklyHours: 14 }, c({ currentWeeklyHours: 15 }), '2025-03-01'))
      .toMatchObject({ kind: 'refused', reason: expect.stringContaining('cannot be changed again') });
    expect(effectOfCorrection(ended('2025-03-20'), { placementId: 'p1', stillEmployed: true, weeklyHours: 12 }, c({ placementState: 'ended' }), '2025-03-01'))
      .toMatchObject({ kind: 'refused', reason: expect.stringContaining('recorded as ended') });
    expect(effectOfCorrection(ended('2025-03-20'), { placementId: 'p1', stillEmployed: false, endDate: '2025-03-21', endReason: 'resigned' }, c({ placementState: 'ended' }), '2025-03-01'))
      .toMatchObject({ kind: 'refused' });
    expect(effectOfCorrection(employed(12), { placementId: 'p1', stillEmployed: true, weeklyHours: 10 }, c({ placementState: 'ended' }), '2025-03-01'))
      .toMatchObject({ kind: 'refused', reason: expect.stringContaining('has ended since') });
  });
});

describe('the monthly confirmation: refusals a form can point at', () => {
  const checks = new Map([['p1', check()]]);
  const detailsOf = (answer: Parameters<typeof validateAnswers>[0][number]) => {
    try {
      validateAnswers([answer], checks, '2025-04-01');
    } catch (error) {
      return (error as { details?: unknown }).details;
    }
    throw new Error('the answer was accepted');
  };

  it('names the placement, the field and the problem of each refused answer', () => {
    expect(detailsOf({ placementId: 'p1', stillEmployed: true })).toEqual({ placementId: 'p1', field: 'weeklyHours', problem: 'required' });
    expect(detailsOf({ placementId: 'p1', stillEmployed: false, endDate: '2025-03-20' })).toEqual({ placementId: 'p1', field: 'endReason', problem: 'required' });
    expect(detailsOf({ placementId: 'p1', stillEmployed: false, endReason: 'resigned' })).toEqual({ placementId: 'p1', field: 'endDate', problem: 'required' });
    expect(detailsOf({ placementId: 'p1', stillEmployed: false, endDate: '2025-01-31', endReason: 'resigned' }))
      .toEqual({ placementId: 'p1', field: 'endDate', problem: 'before_start', startDate: '2025-02-01' });
    expect(detailsOf({ placementId: 'p1', stillEmployed: false, endDate: '2025-04-02', endReason: 'resigned' }))
      .toEqual({ placementId: 'p1', field: 'endDate', problem: 'in_future', today: '2025-04-01' });
  });
});
