import { Module } from '@nestjs/common';
import { ComplianceDataRepository } from './compliance-data.repository';
import { ComplianceSnapshotService } from './compliance-snapshot.service';

/** Counting contracts' compliance: the data it reads and the figures stored per contract (used by the contract list and the follow-up). */
@Module({ providers: [ComplianceDataRepository, ComplianceSnapshotService], exports: [ComplianceDataRepository, ComplianceSnapshotService] })
export class ContractComplianceModule {}
