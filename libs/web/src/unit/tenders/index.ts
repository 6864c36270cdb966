import type { Type } from '@nestjs/common';
import { PartnersPagesController } from '../suppliers/partners.controller';
import { SuppliersPagesController } from '../suppliers/suppliers.controller';
import { TenderEventsPagesController } from './tender-events.controller';
import { TendersPagesController } from './tenders.controller';

/** Phase 1: tenders and their market dialogue, suppliers and a contract's partners (unit/tenders, unit/suppliers). */
export const UNIT_TENDER_CONTROLLERS: Type[] = [TendersPagesController, TenderEventsPagesController, SuppliersPagesController, PartnersPagesController];
