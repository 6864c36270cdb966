import type { Type } from '@nestjs/common';

/** Phase 3: the month's reviews, concluding one, and the meeting pack (unit/reviews, unit/meetings). */
export const UNIT_MEETING_CONTROLLERS: Type[] = [];
