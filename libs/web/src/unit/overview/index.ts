import type { Type } from '@nestjs/common';
import { UnitContractController } from '../contracts/contract.controller';
import { UnitOverviewController } from './overview.controller';

/** The unit's overview and contract pages (unit/overview, unit/contracts). */
export const UNIT_OVERVIEW_CONTROLLERS: Type[] = [UnitOverviewController, UnitContractController];
