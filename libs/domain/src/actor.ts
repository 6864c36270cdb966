/** The roles inside a municipality. Procurement and employment caseworkers together are the matchmaking unit. */
export const MUNICIPALITY_ROLES = [
  'admin',
  'procurement_caseworker',
  'employment_caseworker',
  'jobcenter_contact',
  'supplier_hr',
] as const;

/**
 * The installation's operator runs Klausul itself (the queue dashboard, health) for every
 * municipality at once, so it may see none of any municipality's data.
 */
export const OPERATOR_ROLE = 'operator';

/** Every role a user can hold. */
export const ROLES = [...MUNICIPALITY_ROLES, OPERATOR_ROLE] as const;
export type Role = (typeof ROLES)[number];
export type MunicipalityRole = (typeof MUNICIPALITY_ROLES)[number];

/** The matchmaking unit: both kinds of caseworker. */
export const MATCHMAKING_UNIT: readonly Role[] = ['procurement_caseworker', 'employment_caseworker'];

/**
 * The authenticated party behind a request or a job: a person (userId) or a system
 * integration (apiKeyId), always inside exactly one municipality (tenant). An operator's
 * user row sits in the bootstrap municipality only because every user row names one; the
 * authentication guard keeps the operator away from every municipality route.
 */
export interface Actor {
  municipalityId: string;
  role: Role;
  userId: string | null;
  apiKeyId: string | null;
  /** Set for supplier_hr: the only supplier whose data this actor may see. */
  supplierId: string | null;
}

/** The system itself (scheduled reviews, relays) acting inside a municipality. */
export function systemActor(municipalityId: string): Actor {
  return { municipalityId, role: 'admin', userId: null, apiKeyId: null, supplierId: null };
}
