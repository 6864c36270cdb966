import { type PageCase, UNIT_AND_ADMIN } from './page-case';

/** The unit's overview and contract pages. */
export const UNIT_OVERVIEW_PAGES: PageCase[] = [
  { method: 'get', route: 'unit', path: () => '/unit', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: 'unit/contracts/:contractId', path: (ids) => `/unit/contracts/${ids.contract}`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'get', route: 'unit/contracts/:contractId/placements', path: (ids) => `/unit/contracts/${ids.contract}/placements`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'get', route: 'unit/contracts/:contractId/job-orders', path: (ids) => `/unit/contracts/${ids.contract}/job-orders`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'get', route: 'unit/contracts/:contractId/history', path: (ids) => `/unit/contracts/${ids.contract}/history`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
];
