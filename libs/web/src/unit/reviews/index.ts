import type { Type } from '@nestjs/common';
import { MeetingPackPagesController } from '../meetings/meeting-pack-pages.controller';
import { ReviewPagesController } from './review-pages.controller';
import { ReviewPeriodPagesController } from './review-period-pages.controller';

/** Phase 3: the month's reviews, concluding one, and the meeting pack (unit/reviews, unit/meetings). */
export const UNIT_MEETING_CONTROLLERS: Type[] = [ReviewPeriodPagesController, ReviewPagesController, MeetingPackPagesController];
