import type { Role } from '@klausul/domain';
import { ROLES } from '@klausul/domain';
import type { TenantIds } from './tenant-fixture';

/** One signed-in web route, as the page authorization matrix and the CPR test of every form address it. */
export interface PageCase {
  method: 'get' | 'post';
  /** As the controller declares it, e.g. `supplier/job-orders/:jobOrderId`. */
  route: string;
  path: (ids: TenantIds) => string;
  roles: readonly Role[];
  /** For an allowed role on its own data: GET pages 200; a POST `authorized` = anything but 401/403/404/5xx (303 or a 4xx form error). */
  ok: number | 'authorized';
  form?: () => Record<string, string>;
  /** The page addresses one municipality's entity: another municipality's id is the 404 page. */
  scoped?: boolean;
  /** The entity belongs to a supplier: another supplier's HR contact gets the 404 page. */
  supplierScoped?: boolean;
  /** A file, not a page (a CV): its own content type when allowed. */
  download?: boolean;
}

export const UNIT_AND_ADMIN: Role[] = ['admin', 'procurement_caseworker', 'employment_caseworker'];
/** Who may invite: an admin anyone, a procurement caseworker suppliers' HR contacts. */
export const INVITERS: Role[] = ['admin', 'procurement_caseworker'];
export const SUPPLIER: Role[] = ['supplier_hr'];
/** Who may propose candidates through the REST API: the jobcenter, and the unit's employment caseworkers and admins. */
export const PROPOSERS: Role[] = ['jobcenter_contact', 'employment_caseworker', 'admin'];

/** Every signed-in page. A web route missing from this table or PUBLIC_PAGES fails the completeness test. */
export const pages: PageCase[] = [
  { method: 'get', route: 'unit', path: () => '/unit', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: 'unit/invitations', path: () => '/unit/invitations', roles: INVITERS, ok: 200 },
  { method: 'get', route: 'unit/invitations/new', path: () => '/unit/invitations/new', roles: INVITERS, ok: 200 },
  // An empty form: the field errors (400) prove the role got through, and nothing is sent.
  { method: 'post', route: 'unit/invitations/new', path: () => '/unit/invitations/new', roles: INVITERS, ok: 400 },
  { method: 'get', route: 'supplier', path: () => '/supplier', roles: SUPPLIER, ok: 200 },
  { method: 'get', route: 'supplier/job-orders', path: () => '/supplier/job-orders', roles: SUPPLIER, ok: 200 },
  { method: 'get', route: 'supplier/contracts/:contractId/job-orders/new', path: (t) => `/supplier/contracts/${t.contract}/job-orders/new`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/contracts/:contractId/job-orders/new', path: (t) => `/supplier/contracts/${t.contract}/job-orders/new`, roles: SUPPLIER, ok: 400, scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/job-orders/:jobOrderId', path: (t) => `/supplier/job-orders/${t.jobOrder}`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/job-orders/:jobOrderId/edit', path: (t) => `/supplier/job-orders/${t.jobOrder}/edit`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/job-orders/:jobOrderId/edit', path: (t) => `/supplier/job-orders/${t.jobOrder}/edit`, roles: SUPPLIER, ok: 400, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/job-orders/:jobOrderId/submit', path: (t) => `/supplier/job-orders/${t.jobOrder}/submit`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/job-orders/:jobOrderId/close', path: (t) => `/supplier/job-orders/${t.jobOrder}/close`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  // A stale version: the 409 proves the role got through without closing the shared fixture's job order.
  { method: 'post', route: 'supplier/job-orders/:jobOrderId/close', path: (t) => `/supplier/job-orders/${t.jobOrder}/close`, roles: SUPPLIER, ok: 'authorized', form: () => ({ expectedVersion: '999' }), scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/job-orders/:jobOrderId/cancel', path: (t) => `/supplier/job-orders/${t.jobOrder}/cancel`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/job-orders/:jobOrderId/cancel', path: (t) => `/supplier/job-orders/${t.jobOrder}/cancel`, roles: SUPPLIER, ok: 'authorized', form: () => ({ expectedVersion: '999' }), scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/job-orders/:jobOrderId/candidates', path: (t) => `/supplier/job-orders/${t.jobOrder}/candidates`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/candidates/:candidateId/cv', path: (t) => `/supplier/candidates/${t.candidate}/cv`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true, download: true },
  { method: 'post', route: 'supplier/candidates/:candidateId/interview', path: (t) => `/supplier/candidates/${t.candidate}/interview`, roles: SUPPLIER, ok: 400, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/candidates/:candidateId/hire', path: (t) => `/supplier/candidates/${t.candidate}/hire`, roles: SUPPLIER, ok: 400, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/candidates/:candidateId/reject', path: (t) => `/supplier/candidates/${t.candidate}/reject`, roles: SUPPLIER, ok: 400, scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/reviews/:reviewId', path: (t) => `/supplier/reviews/${t.review}`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/reviews/:reviewId', path: (t) => `/supplier/reviews/${t.review}`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/reviews/:reviewId/receipt', path: (t) => `/supplier/reviews/${t.review}/receipt`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true },
  { method: 'get', route: 'supplier/contracts/:contractId/employees', path: (t) => `/supplier/contracts/${t.contract}/employees`, roles: SUPPLIER, ok: 200, scoped: true, supplierScoped: true },
  // Empty forms: the field errors prove the role got through, and nothing changes.
  { method: 'post', route: 'supplier/contracts/:contractId/employees/:placementId/hours', path: (t) => `/supplier/contracts/${t.contract}/employees/${t.placement}/hours`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true },
  { method: 'post', route: 'supplier/contracts/:contractId/employees/:placementId/end', path: (t) => `/supplier/contracts/${t.contract}/employees/${t.placement}/end`, roles: SUPPLIER, ok: 'authorized', scoped: true, supplierScoped: true },
  { method: 'get', route: 'jobcenter', path: () => '/jobcenter', roles: PROPOSERS, ok: 200 },
  { method: 'get', route: 'jobcenter/job-orders/:jobOrderId', path: (t) => `/jobcenter/job-orders/${t.jobOrder}`, roles: PROPOSERS, ok: 200, scoped: true },
  { method: 'get', route: 'jobcenter/job-orders/:jobOrderId/propose', path: (t) => `/jobcenter/job-orders/${t.jobOrder}/propose`, roles: PROPOSERS, ok: 200, scoped: true },
  // An empty form: the field errors (400) prove the role got through, and nothing is stored.
  { method: 'post', route: 'jobcenter/job-orders/:jobOrderId/propose', path: (t) => `/jobcenter/job-orders/${t.jobOrder}/propose`, roles: PROPOSERS, ok: 400, scoped: true },
  { method: 'get', route: 'account/password', path: () => '/account/password', roles: ROLES, ok: 200 },
  // A wrong current password: the form's 400, which proves the role got through and changes nothing.
  { method: 'post', route: 'account/password', path: () => '/account/password', roles: ROLES, ok: 400, form: () => ({ currentPassword: 'not the password', newPassword: 'a long enough new passphrase', newPasswordRepeat: 'a long enough new passphrase' }) },
];

/** Pages anyone may open (the signed monthly link is its own credential). */
export const PUBLIC_PAGES = [
  'get /', 'get tilgaengelighed', 'get language/:code', 'get login', 'post login', 'post logout',
  'get invitation/:token', 'post invitation/:token', 'get forgot-password', 'post forgot-password', 'get forgot-password/sent',
  'get reset-password/:token', 'post reset-password/:token',
  'get confirm/:token', 'post confirm/:token', 'get confirm/:token/receipt',
];
