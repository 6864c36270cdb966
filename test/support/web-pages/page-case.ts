import type { Role } from '@klausul/domain';
import type { TenantIds } from '../tenant-fixture';

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
export const ADMIN: Role[] = ['admin'];
/** The unit's procurement side (phase 1, forwarding), with the admins. */
export const PROCUREMENT: Role[] = ['admin', 'procurement_caseworker'];
/** The unit's employment side (the candidate pipeline), with the admins. */
export const EMPLOYMENT: Role[] = ['admin', 'employment_caseworker'];
/** Who may invite: an admin anyone, a procurement caseworker suppliers' HR contacts. */
export const INVITERS: Role[] = ['admin', 'procurement_caseworker'];
export const SUPPLIER: Role[] = ['supplier_hr'];
/** Who may propose candidates through the REST API: the jobcenter, and the unit's employment caseworkers and admins. */
export const PROPOSERS: Role[] = ['jobcenter_contact', 'employment_caseworker', 'admin'];
