import { type PageCase, UNIT_AND_ADMIN } from './page-case';

/** The unit's overview and contract pages. */
export const UNIT_OVERVIEW_PAGES: PageCase[] = [
  { method: 'get', route: 'unit', path: () => '/unit', roles: UNIT_AND_ADMIN, ok: 200 },
];
