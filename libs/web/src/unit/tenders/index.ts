import type { Type } from '@nestjs/common';

/** Phase 1: tenders and their market dialogue, suppliers and a contract's partners (unit/tenders, unit/suppliers). */
export const UNIT_TENDER_CONTROLLERS: Type[] = [];
