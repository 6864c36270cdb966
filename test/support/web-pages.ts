import { ROLES } from '@klausul/domain';
import { INVITERS, PROPOSERS, SUPPLIER, type PageCase } from './web-pages/page-case';
import { UNIT_ADMIN_PAGES } from './web-pages/unit-admin';
import { UNIT_MATCHING_PAGES } from './web-pages/unit-matching';
import { UNIT_MEETING_PAGES } from './web-pages/unit-meetings';
import { UNIT_OVERVIEW_PAGES } from './web-pages/unit-overview';
import { UNIT_TENDER_PAGES } from './web-pages/unit-tenders';

export * from './web-pages/page-case';

/** Every signed-in page. A web route missing from this table or PUBLIC_PAGES fails the completeness test. */
export const pages: PageCase[] = [
  // The unit's workspace: one table per area (test/support/web-pages/), each owned with its pages.
  ...UNIT_OVERVIEW_PAGES,
  ...UNIT_TENDER_PAGES,
  ...UNIT_MATCHING_PAGES,
  ...UNIT_MEETING_PAGES,
  ...UNIT_ADMIN_PAGES,
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
