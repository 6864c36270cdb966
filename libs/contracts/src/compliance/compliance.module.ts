import { Module } from '@nestjs/common';
import { ComplianceDataRepository } from './compliance-data.repository';
import { ComplianceSnapshotService } from './compliance-snapshot.service';
import { YearFiguresService } from './year-figures.service';

/** Counting contracts' compliance: the data it reads and the figures stored per contract (used by the contract list and the follow-up). */
@Module({
  providers: [ComplianceDataRepository, ComplianceSnapshotService, YearFiguresService],
  exports: [ComplianceDataRepository, ComplianceSnapshotService, YearFiguresService],
})
export class ContractComplianceModule {}
