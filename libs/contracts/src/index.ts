export * from './clauses/clause-vocabulary';
export * from './contracts.module';
export { DemoSeedService, type DemoCredential, type DemoSeedResult } from './demo/demo-seed.service';
export * from './demo/reference-case';
export { isValidCvr } from './suppliers/cvr';
export * from './tenders/tender.workflow';
export * from './compliance/compliance.module';
export { ComplianceDataRepository, type ComplianceData } from './compliance/compliance-data.repository';
export { ComplianceSnapshotService } from './compliance/compliance-snapshot.service';
export { YearFiguresService, type YearContractFigures, type YearTotals } from './compliance/year-figures.service';
export { ContractsService } from './contracts/contracts.service';
export type { ContractView, PartnerView } from './contracts/contract.dto';
export type { ClauseView } from './clauses/clause.dto';
export { SuppliersService } from './suppliers/suppliers.service';
// The unit's workspace (libs/web/src/unit): the same services the REST API calls.
export { TenderService } from './tenders/tender.service';
export { ComplianceService } from './contracts/compliance.service';
export { TargetsService } from './targets/targets.service';
export { ClauseThresholdService } from './thresholds/clause-threshold.service';
// Phase 1 pages (libs/web/src/unit/tenders, unit/suppliers): the REST DTOs, so a form is checked as the API checks its body.
export { CreateTenderDto, LotDto, PROCUREMENT_AREAS, type ProcurementArea, type TenderView, type TenderSummary, type LotView, type MeetingView } from './tenders/tender.dto';
export { AwardDto, DefineClauseDto, MeetingDto, ReasonDto, ScreeningDto, TenderEventDto } from './tenders/tender-event.dto';
export { CreateSupplierDto, type SupplierView } from './suppliers/supplier.dto';
export { AddPartnerDto, PARTNER_KINDS, type PartnerKind } from './contracts/contract.dto';
// The unit's settings page (libs/web/src/unit/admin).
export { ClauseThresholdDto, type ClauseThresholdView } from './thresholds/clause-threshold.dto';
export { SetTargetsDto, type TargetsView } from './targets/target.dto';
export { ContractListQuery, CONTRACT_SORTS, type ComplianceView, type ClauseComplianceView, type AlertView } from './contracts/contract.dto';
export { UpdateSupplierDto } from './suppliers/supplier.dto';
