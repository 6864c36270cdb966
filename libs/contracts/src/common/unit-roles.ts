import { MATCHMAKING_UNIT, type Role } from '@klausul/domain';

/** Who drives phase 1 and reads tenders: the matchmaking unit and admins. */
export const UNIT_AND_ADMIN: readonly Role[] = ['admin', ...MATCHMAKING_UNIT];

/** Contracts are also read by the supplier they bind (its own only). */
export const CONTRACT_READERS: readonly Role[] = [...UNIT_AND_ADMIN, 'supplier_hr'];
