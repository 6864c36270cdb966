import type { PageCase } from './page-case';

/** Phase 1: tenders, market dialogue, suppliers, partners. */
export const UNIT_TENDER_PAGES: PageCase[] = [];
