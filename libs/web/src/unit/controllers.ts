import type { Type } from '@nestjs/common';
import { UNIT_ADMIN_CONTROLLERS } from './admin';
import { UNIT_MATCHING_CONTROLLERS } from './job-orders';
import { UNIT_OVERVIEW_CONTROLLERS } from './overview';
import { UNIT_MEETING_CONTROLLERS } from './reviews';
import { UNIT_TENDER_CONTROLLERS } from './tenders';

/** The matchmaking unit's workspace, one list per area; each area's index.ts owns its list. */
export const UNIT_CONTROLLERS: Type[] = [
  ...UNIT_OVERVIEW_CONTROLLERS,
  ...UNIT_TENDER_CONTROLLERS,
  ...UNIT_MATCHING_CONTROLLERS,
  ...UNIT_MEETING_CONTROLLERS,
  ...UNIT_ADMIN_CONTROLLERS,
];
