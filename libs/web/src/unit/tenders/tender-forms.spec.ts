import type { TenderView } from '@klausul/contracts';
import { clauseFieldId, clauseInput, clauseValues, lotCountOf, meetingInput, needsNoMeetingReason, screeningInput, tenderInput, tenderValues } from './tender-forms';

const tender = (overrides: Partial<TenderView> = {}) =>
  ({
    id: 't',
    lots: [1, 2].map((number) => ({ id: `l${number}`, number, title: `Rute ${number}`, estimatedValueDkk: null, contractId: null })),
    meetings: [],
    noMeetingReason: null,
    clauseDrafts: [],
    screening: null,
    ...overrides,
  }) as unknown as TenderView;

describe('the tender forms', () => {
  it('keeps the lot count between 1 and 100, anything else is one row', () => {
    expect([lotCountOf('8'), lotCountOf('0'), lotCountOf('500'), lotCountOf('mange'), lotCountOf(['2', '3']), lotCountOf('2,5')]).toEqual([8, 1, 100, 1, 1, 1]);
  });

  it('numbers the lots in row order, reads Danish numbers, and drops rows beyond the count', () => {
    const values = tenderValues({ title: ' Rutekørsel ', estimatedValueDkk: '1 500 000,50', durationMonths: '48', 'lots-0-title': 'Nord', 'lots-1-title': 'Syd', 'lots-2-title': 'Væk' }, 2);
    expect(values).not.toHaveProperty('lots-2-title');
    expect(tenderInput(values, 2)).toMatchObject({
      title: 'Rutekørsel',
      estimatedValueDkk: 1_500_000.5,
      durationMonths: 48,
      lots: [{ number: 1, title: 'Nord' }, { number: 2, title: 'Syd' }],
    });
  });

  it('reads a screening: a task a line, yes/no as a boolean, an unanswered question left out', () => {
    expect(screeningInput({ suitableTasks: 'Morgenruter\r\n\r\n Eftermiddagsruter ', splitShifts: 'true', estimatedHires: '26' })).toMatchObject({
      suitableTasks: ['Morgenruter', 'Eftermiddagsruter'],
      splitShifts: true,
      coreTasks: [],
      estimatedHires: 26,
    });
    expect(screeningInput({ splitShifts: '' }).splitShifts).toBeUndefined();
  });

  it("takes a registered bidder's name when none is typed", () => {
    expect(meetingInput({ bidderName: '', supplierId: 's1' }, 'Fynsk Rutekørsel A/S')).toMatchObject({ bidderName: 'Fynsk Rutekørsel A/S', supplierId: 's1' });
    expect(meetingInput({ bidderName: 'Taxa Fyn', supplierId: '' }, undefined)).toMatchObject({ bidderName: 'Taxa Fyn', supplierId: undefined });
  });

  it('builds one clause for the whole tender or one a lot with the shared terms, and maps errors back to the inputs', () => {
    const body = {
      scope: 'tender', 'whole-requiredHires': '26', 'whole-weeklyHoursPerHire': '10', 'lot-0-requiredHires': '5', 'lot-1-requiredHires': '7',
      targetGroups: 'flexjob', employmentForms: ['flexjob', 'ordinary'], noMeetingReason: 'Ingen bydere',
    };
    const whole = clauseInput(clauseValues(body, tender()), tender(), false);
    expect(whole).toEqual({
      clauses: [{ requiredHires: 26, weeklyHoursPerHire: 10, totalWeeklyHours: undefined, targetGroups: ['flexjob'], employmentForms: ['flexjob', 'ordinary'], requiresRsvCooperation: false, firstHireWithinMonths: undefined, fullFulfilmentWithinMonths: undefined }],
      noMeetingReason: undefined,
    });
    const perLot = clauseInput(clauseValues({ ...body, scope: 'lots' }, tender()), tender(), true);
    expect((perLot.clauses as { lotNumber: number; requiredHires: number }[]).map((c) => [c.lotNumber, c.requiredHires])).toEqual([[1, 5], [2, 7]]);
    expect(perLot.noMeetingReason).toBe('Ingen bydere');
    expect([clauseFieldId('lots')('clauses-1-requiredHires'), clauseFieldId('tender')('clauses-0-requiredHires'), clauseFieldId('lots')('clauses-1-targetGroups')]).toEqual([
      'lot-1-requiredHires',
      'whole-requiredHires',
      'targetGroups',
    ]);
  });

  it('asks why no meeting was held only while there is neither a meeting nor a reason', () => {
    expect(needsNoMeetingReason(tender())).toBe(true);
    expect(needsNoMeetingReason(tender({ meetings: [{}] as never }))).toBe(false);
    expect(needsNoMeetingReason(tender({ noMeetingReason: 'Ingen bydere' }))).toBe(false);
  });
});
