import { type PageCase, UNIT_AND_ADMIN } from './page-case';

const tender = (path = '') => (ids: { tender: string }) => `/unit/tenders/${ids.tender}${path}`;
/** An event on the fixture's handed-over tender with a version it never had: refused (409/422), nothing changes. */
const stale = () => ({ expectedVersion: '999' });

/** Phase 1: tenders, market dialogue, suppliers, partners. */
export const UNIT_TENDER_PAGES: PageCase[] = [
  { method: 'get', route: 'unit/tenders', path: () => '/unit/tenders', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: 'unit/tenders/new', path: () => '/unit/tenders/new', roles: UNIT_AND_ADMIN, ok: 200 },
  // An empty form: field errors (400), nothing stored.
  { method: 'post', route: 'unit/tenders/new', path: () => '/unit/tenders/new', roles: UNIT_AND_ADMIN, ok: 400 },
  { method: 'get', route: 'unit/tenders/:tenderId', path: tender(), roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  ...(['start-dialogue', 'publish', 'hand-over'] as const).map(
    (event): PageCase => ({ method: 'post', route: `unit/tenders/:tenderId/${event}`, path: tender(`/${event}`), roles: UNIT_AND_ADMIN, ok: 'authorized', form: stale, scoped: true }),
  ),
  // A handed-over tender allows no event: each form's page is the tender page with a notice (200).
  ...(['screening', 'meetings/new', 'define-clause', 'award', 'not-suitable', 'cancel'] as const).flatMap((path): PageCase[] => [
    { method: 'get', route: `unit/tenders/:tenderId/${path}`, path: tender(`/${path}`), roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
    { method: 'post', route: `unit/tenders/:tenderId/${path}`, path: tender(`/${path}`), roles: UNIT_AND_ADMIN, ok: 'authorized', form: stale, scoped: true },
  ]),
  { method: 'get', route: 'unit/suppliers', path: () => '/unit/suppliers', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: 'unit/suppliers/new', path: () => '/unit/suppliers/new', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'post', route: 'unit/suppliers/new', path: () => '/unit/suppliers/new', roles: UNIT_AND_ADMIN, ok: 400 },
  { method: 'get', route: 'unit/suppliers/:supplierId', path: (ids) => `/unit/suppliers/${ids.supplier}`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  { method: 'get', route: 'unit/suppliers/:supplierId/edit', path: (ids) => `/unit/suppliers/${ids.supplier}/edit`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  // An empty form (no name): 400, the supplier unchanged.
  { method: 'post', route: 'unit/suppliers/:supplierId/edit', path: (ids) => `/unit/suppliers/${ids.supplier}/edit`, roles: UNIT_AND_ADMIN, ok: 400, scoped: true },
  { method: 'get', route: 'unit/contracts/:contractId/partners/new', path: (ids) => `/unit/contracts/${ids.contract}/partners/new`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  // An empty form: the field errors (400), no partner added.
  { method: 'post', route: 'unit/contracts/:contractId/partners/new', path: (ids) => `/unit/contracts/${ids.contract}/partners/new`, roles: UNIT_AND_ADMIN, ok: 400, scoped: true },
];
