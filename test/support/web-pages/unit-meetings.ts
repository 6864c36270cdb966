import type { PageCase } from './page-case';

/** Phase 3: the month's reviews, concluding one, the meeting pack. */
export const UNIT_MEETING_PAGES: PageCase[] = [];
