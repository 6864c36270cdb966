/** Who may do what in Klausul. Procurement and employment caseworkers together are the matchmaking unit. */
export const ROLES = [
  'admin',
  'procurement_caseworker',
  'employment_caseworker',
  'jobcenter_contact',
  'supplier_hr',
] as const;
export type Role = (typeof ROLES)[number];

/** The matchmaking unit: both kinds of caseworker. */
export const MATCHMAKING_UNIT: readonly Role[] = ['procurement_caseworker', 'employment_caseworker'];

/**
 * The authenticated party behind a request or a job: a person (userId) or a system
 * integration (apiKeyId), always inside exactly one municipality (tenant).
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
