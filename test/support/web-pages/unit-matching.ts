import type { PageCase } from './page-case';

/** Phase 2: job descriptions, the candidate pipeline, upskilling. */
export const UNIT_MATCHING_PAGES: PageCase[] = [];
