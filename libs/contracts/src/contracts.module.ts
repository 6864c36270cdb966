import { Module } from '@nestjs/common';
import { PasswordHasher } from '@klausul/identity';
import { CheckFirstHireHandler } from './contracts/check-first-hire.handler';
import { SendSupplierWelcomeHandler } from './contracts/send-supplier-welcome.handler';
import { ComplianceDataRepository } from './compliance/compliance-data.repository';
import { ComplianceSnapshotService } from './compliance/compliance-snapshot.service';
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
    ComplianceDataRepository,
    ComplianceSnapshotService,
    TargetRepository,
    TargetsService,
    PasswordHasher,
    DemoSeedService,
    DemoSeedOnStart,
  ],
  exports: [DemoSeedService],
})
export class ContractsApiModule {}

/** The first-hire milestone (worker processes). */
@Module({ providers: [CheckFirstHireHandler, SendSupplierWelcomeHandler] })
export class ContractsWorkerModule {}
