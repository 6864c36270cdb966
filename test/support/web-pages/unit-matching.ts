import { EMPLOYMENT, type PageCase, PROCUREMENT, UNIT_AND_ADMIN } from './page-case';

/** A stale version: the event is refused with a 409 (or 422 where the fixture's state does not allow it), nothing changes. */
const STALE = () => ({ expectedVersion: '999' });

/** Phase 2: job descriptions, the candidate pipeline, upskilling. */
export const UNIT_MATCHING_PAGES: PageCase[] = [
  { method: 'get', route: 'unit/job-orders', path: () => '/unit/job-orders', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: 'unit/job-orders/:jobOrderId', path: (ids) => `/unit/job-orders/${ids.jobOrder}`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'get', route: 'unit/job-orders/:jobOrderId/close', path: (ids) => `/unit/job-orders/${ids.jobOrder}/close`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'get', route: 'unit/job-orders/:jobOrderId/cancel', path: (ids) => `/unit/job-orders/${ids.jobOrder}/cancel`, roles: PROCUREMENT, ok: 200, scoped: true },
  // The fixture's job order is forwarded: forward and return are refused by its state or the stale version, nothing changes.
  { method: 'post', route: 'unit/job-orders/:jobOrderId/forward', path: (ids) => `/unit/job-orders/${ids.jobOrder}/forward`, roles: PROCUREMENT, ok: 'authorized', form: STALE, scoped: true },
  { method: 'post', route: 'unit/job-orders/:jobOrderId/return', path: (ids) => `/unit/job-orders/${ids.jobOrder}/return`, roles: PROCUREMENT, ok: 400, scoped: true },
  { method: 'post', route: 'unit/job-orders/:jobOrderId/send-shortlist', path: (ids) => `/unit/job-orders/${ids.jobOrder}/send-shortlist`, roles: EMPLOYMENT, ok: 409, form: STALE, scoped: true },
  { method: 'post', route: 'unit/job-orders/:jobOrderId/close', path: (ids) => `/unit/job-orders/${ids.jobOrder}/close`, roles: UNIT_AND_ADMIN, ok: 409, form: STALE, scoped: true },
  { method: 'post', route: 'unit/job-orders/:jobOrderId/reopen', path: (ids) => `/unit/job-orders/${ids.jobOrder}/reopen`, roles: UNIT_AND_ADMIN, ok: 'authorized', form: STALE, scoped: true },
  { method: 'post', route: 'unit/job-orders/:jobOrderId/cancel', path: (ids) => `/unit/job-orders/${ids.jobOrder}/cancel`, roles: PROCUREMENT, ok: 409, form: STALE, scoped: true },
  // A version that is not a number: the 400 proves the role got through, and nothing is dispatched again.
  { method: 'post', route: 'unit/job-orders/:jobOrderId/retry', path: (ids) => `/unit/job-orders/${ids.jobOrder}/retry`, roles: UNIT_AND_ADMIN, ok: 400, form: () => ({ expectedVersion: 'x' }), scoped: true },
  { method: 'get', route: 'unit/job-orders/:jobOrderId/candidates', path: (ids) => `/unit/job-orders/${ids.jobOrder}/candidates`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  // An empty move: no event chosen is a 400, and the fixture's candidate stays shortlisted.
  { method: 'post', route: 'unit/candidates/:candidateId/event', path: (ids) => `/unit/candidates/${ids.candidate}/event`, roles: EMPLOYMENT, ok: 400, scoped: true },
  { method: 'get', route: 'unit/candidates/:candidateId/cv', path: (ids) => `/unit/candidates/${ids.candidate}/cv`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true, download: true },
  // Upskilling: the unit's roles (UPSKILLING_ROLES); empty forms are field errors (400), nothing is stored.
  { method: 'get', route: 'unit/upskilling', path: () => '/unit/upskilling', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: 'unit/upskilling/new', path: () => '/unit/upskilling/new', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'post', route: 'unit/upskilling/new', path: () => '/unit/upskilling/new', roles: UNIT_AND_ADMIN, ok: 400 },
  { method: 'get', route: 'unit/upskilling/:programmeId', path: (ids) => `/unit/upskilling/${ids.upskillingProgramme}`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'post', route: 'unit/upskilling/:programmeId/participants', path: (ids) => `/unit/upskilling/${ids.upskillingProgramme}/participants`, roles: UNIT_AND_ADMIN, ok: 400, scoped: true },
  { method: 'get', route: 'unit/upskilling/participants/:participantId/complete', path: (ids) => `/unit/upskilling/participants/${ids.upskillingParticipant}/complete`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'post', route: 'unit/upskilling/participants/:participantId/complete', path: (ids) => `/unit/upskilling/participants/${ids.upskillingParticipant}/complete`, roles: UNIT_AND_ADMIN, ok: 400, scoped: true },
  { method: 'get', route: 'unit/upskilling/participants/:participantId/drop-out', path: (ids) => `/unit/upskilling/participants/${ids.upskillingParticipant}/drop-out`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'post', route: 'unit/upskilling/participants/:participantId/drop-out', path: (ids) => `/unit/upskilling/participants/${ids.upskillingParticipant}/drop-out`, roles: UNIT_AND_ADMIN, ok: 400, scoped: true },
  { method: 'get', route: 'unit/upskilling/participants/:participantId/propose', path: (ids) => `/unit/upskilling/participants/${ids.upskillingParticipant}/propose`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'post', route: 'unit/upskilling/participants/:participantId/propose', path: (ids) => `/unit/upskilling/participants/${ids.upskillingParticipant}/propose`, roles: UNIT_AND_ADMIN, ok: 400, scoped: true },
];
