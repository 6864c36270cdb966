import { type PageCase, UNIT_AND_ADMIN } from './page-case';

/** Phase 3: the month's reviews, concluding one, the meeting pack. */
export const UNIT_MEETING_PAGES: PageCase[] = [
  { method: 'get', route: 'unit/reviews', path: () => '/unit/reviews?period=2025-03', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: 'unit/reviews/:reviewId', path: (ids) => `/unit/reviews/${ids.review}`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  // An empty conclusion (no discussion) is a 400 form error: the shared fixture's review stays as it is.
  { method: 'post', route: 'unit/reviews/:reviewId/conclude', path: (ids) => `/unit/reviews/${ids.review}/conclude`, roles: UNIT_AND_ADMIN, ok: 'authorized', form: () => ({ expectedVersion: '999' }), scoped: true },
  { method: 'get', route: 'unit/meetings/:period/pack.xlsx', path: () => '/unit/meetings/2025-03/pack.xlsx', roles: UNIT_AND_ADMIN, ok: 200, download: true },
  { method: 'get', route: 'unit/meetings/:period/pack.csv', path: () => '/unit/meetings/2025-03/pack.csv', roles: UNIT_AND_ADMIN, ok: 200, download: true },
];
