import type { Actor, Role } from '@klausul/domain';
import { historyInputFor } from './workflow-definition';

const actor = (role: Role): Actor => ({ municipalityId: 'm', role, userId: null, apiKeyId: null, supplierId: role === 'supplier_hr' ? 's' : null });
const definition = { sharedHistoryInput: { supplier_hr: { reject: ['reason', 'note'], create: ['jobOrderId'] } } };
const input = { reason: 'hours', note: 'Kunne ikke morgenruterne', internal: 'only for the unit' };

describe('#11.11: what of an event input a reader sees in the history', () => {
  it('shows the unit and the admins every input', () => {
    for (const role of ['admin', 'procurement_caseworker', 'employment_caseworker'] as const) {
      expect(historyInputFor(definition, actor(role), 'reject', input)).toEqual(input);
    }
  });

  it('shows a reader outside the unit only the fields shared with its role for that event', () => {
    expect(historyInputFor(definition, actor('supplier_hr'), 'reject', input)).toEqual({ reason: 'hours', note: 'Kunne ikke morgenruterne' });
    expect(historyInputFor(definition, actor('supplier_hr'), 'decline', { note: 'Afvist: oplyst rygproblemer' })).toEqual({});
  });

  it('shows nothing to a role or workflow that shares nothing, and is not fooled by inherited names', () => {
    expect(historyInputFor(definition, actor('jobcenter_contact'), 'reject', input)).toEqual({});
    expect(historyInputFor({}, actor('supplier_hr'), 'reject', input)).toEqual({});
    expect(historyInputFor(definition, actor('supplier_hr'), 'constructor', { constructor: 'x' })).toEqual({});
  });
});
