import type { Type } from '@nestjs/common';
import { UnitStartController } from './unit-start.controller';

/** The unit's overview and contract pages (unit/overview, unit/contracts). */
export const UNIT_OVERVIEW_CONTROLLERS: Type[] = [UnitStartController];
