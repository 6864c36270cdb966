import { Module } from '@nestjs/common';
import { PasswordHasher } from '@klausul/identity';
import { CheckFirstHireHandler } from './contracts/check-first-hire.handler';
import { SendSupplierWelcomeHandler } from './contracts/send-supplier-welcome.handler';
import { ContractComplianceModule } from './compliance/compliance.module';
import { RecountComplianceHandler } from './compliance/recount-compliance.handler';
import { ComplianceService } from './contracts/compliance.service';
import { ContractRepository } from './contracts/contract.repository';
import { ContractsController } from './contracts/contracts.controller';
import { ContractsService } from './contracts/contracts.service';
import { DemoSeedOnStart } from './demo/demo-seed.on-start';
import { DemoSeedService } from './demo/demo-seed.service';
import { SupplierRepository } from './suppliers/supplier.repository';
import { SuppliersController } from './suppliers/suppliers.controller';
import { SuppliersService } from './suppliers/suppliers.service';
import { TargetRepository } from './targets/target.repository';
import { TargetsController } from './targets/targets.controller';
import { TargetsService } from './targets/targets.service';
import { TenderRepository } from './tenders/tender.repository';
import { TenderService } from './tenders/tender.service';
import { TendersController } from './tenders/tenders.controller';
import { ClauseThresholdService } from './thresholds/clause-threshold.service';
import { ClauseThresholdsController } from './thresholds/clause-thresholds.controller';

/** Phase 1 (market dialogue), suppliers, contracts, clauses, compliance and targets (API). */
@Module({
  imports: [ContractComplianceModule],
  controllers: [SuppliersController, TendersController, ContractsController, TargetsController, ClauseThresholdsController],
  providers: [
    SupplierRepository,
    SuppliersService,
    ClauseThresholdService,
    TenderRepository,
    TenderService,
    ContractRepository,
    ContractsService,
    ComplianceService,
    TargetRepository,
    TargetsService,
    PasswordHasher,
    DemoSeedService,
    DemoSeedOnStart,
  ],
  // ContractsService for the web pages (libs/web), which call the same service with the same actor.
  exports: [DemoSeedService, ContractsService, SuppliersService, TenderService, ComplianceService, TargetsService, ClauseThresholdService],
})
export class ContractsApiModule {}

/** The first-hire milestone, the supplier welcome and the nightly compliance recount (worker processes). */
@Module({ imports: [ContractComplianceModule], providers: [CheckFirstHireHandler, SendSupplierWelcomeHandler, RecountComplianceHandler] })
export class ContractsWorkerModule {}
