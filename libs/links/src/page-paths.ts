/**
 * The pages of Klausul's web UI that a person can be sent to, as route patterns. The web
 * controllers serve exactly these (use them in @Get()), and every link Klausul e-mails is
 * built from them (LinkBuilder), so a link and its page cannot drift apart.
 */
export const PAGE_ROUTES = {
  supplierStart: '/supplier',
  supplierNewJobOrder: '/supplier/contracts/:contractId/job-orders/new',
  supplierJobOrder: '/supplier/job-orders/:jobOrderId',
  supplierCandidates: '/supplier/job-orders/:jobOrderId/candidates',
  supplierEmployees: '/supplier/contracts/:contractId/employees',
  supplierReview: '/supplier/reviews/:reviewId',
  /** The monthly confirmation by the signed link in the e-mail (no login). */
  confirm: '/confirm/:token',
  jobcenterInbox: '/jobcenter',
  jobcenterJobOrder: '/jobcenter/job-orders/:jobOrderId',
  login: '/login',
  invitation: '/invitation/:token',
  resetPassword: '/reset-password/:token',
  forgotPassword: '/forgot-password',
  /** The matchmaking unit's workspace (issue 14). */
  unit: '/unit',
  unitContract: '/unit/contracts/:contractId',
  unitJobOrder: '/unit/job-orders/:jobOrderId',
  unitCandidates: '/unit/job-orders/:jobOrderId/candidates',
  unitReviews: '/unit/reviews',
  unitReview: '/unit/reviews/:reviewId',
} as const;

export type PageName = keyof typeof PAGE_ROUTES;

/** The `:name` parameters of a route pattern, as a union of names. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** What a page's path needs: `{ contractId: string }` for supplierNewJobOrder, nothing for supplierStart. */
export type PageParams<N extends PageName> = { [K in ParamNames<(typeof PAGE_ROUTES)[N]>]: string };

/**
 * A page's path with its parameters filled in, each URL-encoded (a token or id can never
 * add a path segment or a query). A missing or empty parameter is a programming error.
 */
export function pagePath<N extends PageName>(name: N, ...[params]: keyof PageParams<N> extends never ? [] : [PageParams<N>]): string {
  const values = (params ?? {}) as Record<string, string>;
  return PAGE_ROUTES[name].replace(/:([A-Za-z]+)/g, (_match, key: string) => {
    const value = values[key];
    if (typeof value !== 'string' || value === '') throw new Error(`the page ${name} needs ${key}`);
    return encodeURIComponent(value);
  });
}

/** The relative paths of the pages, one function per page. */
export const PagePaths = {
  supplierStart: () => pagePath('supplierStart'),
  supplierNewJobOrder: (contractId: string) => pagePath('supplierNewJobOrder', { contractId }),
  supplierJobOrder: (jobOrderId: string) => pagePath('supplierJobOrder', { jobOrderId }),
  supplierCandidates: (jobOrderId: string) => pagePath('supplierCandidates', { jobOrderId }),
  supplierEmployees: (contractId: string) => pagePath('supplierEmployees', { contractId }),
  supplierReview: (reviewId: string) => pagePath('supplierReview', { reviewId }),
  confirm: (token: string) => pagePath('confirm', { token }),
  jobcenterInbox: () => pagePath('jobcenterInbox'),
  jobcenterJobOrder: (jobOrderId: string) => pagePath('jobcenterJobOrder', { jobOrderId }),
  login: () => pagePath('login'),
  invitation: (token: string) => pagePath('invitation', { token }),
  resetPassword: (token: string) => pagePath('resetPassword', { token }),
  forgotPassword: () => pagePath('forgotPassword'),
  unit: () => pagePath('unit'),
  unitContract: (contractId: string) => pagePath('unitContract', { contractId }),
  unitJobOrder: (jobOrderId: string) => pagePath('unitJobOrder', { jobOrderId }),
  unitCandidates: (jobOrderId: string) => pagePath('unitCandidates', { jobOrderId }),
  unitReviews: () => pagePath('unitReviews'),
  unitReview: (reviewId: string) => pagePath('unitReview', { reviewId }),
} as const satisfies Record<PageName, (...args: string[]) => string>;

/**
 * Path segments that end in a bearer secret: whoever holds such a link acts as its
 * recipient, so the message log masks what follows them.
 */
export const SECRET_PAGE_PREFIXES = ['/confirm/', '/invitation/', '/reset-password/'] as const;
