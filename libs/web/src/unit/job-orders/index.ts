import type { Type } from '@nestjs/common';

/** Phase 2: job descriptions, the candidate pipeline and upskilling programmes (unit/job-orders, unit/candidates, unit/upskilling). */
export const UNIT_MATCHING_CONTROLLERS: Type[] = [];
