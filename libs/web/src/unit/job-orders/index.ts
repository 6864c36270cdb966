import type { Type } from '@nestjs/common';
import { UnitPipelineController } from '../candidates/pipeline.controller';
import { UpskillingParticipantsController } from '../upskilling/participants-pages.controller';
import { UpskillingPagesController } from '../upskilling/upskilling-pages.controller';
import { UnitJobOrderEventsController } from './unit-job-order-events.controller';
import { UnitJobOrdersController } from './unit-job-orders.controller';

/** Phase 2: job descriptions, the candidate pipeline and upskilling programmes (unit/job-orders, unit/candidates, unit/upskilling). */
export const UNIT_MATCHING_CONTROLLERS: Type[] = [
  UnitJobOrdersController,
  UnitJobOrderEventsController,
  UnitPipelineController,
  UpskillingPagesController,
  UpskillingParticipantsController,
];
