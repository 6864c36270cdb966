export * from './clauses/clause-vocabulary';
export * from './contracts.module';
export { DemoSeedService, type DemoCredential, type DemoSeedResult } from './demo/demo-seed.service';
export * from './demo/reference-case';
export { isValidCvr } from './suppliers/cvr';
export * from './tenders/tender.workflow';
export * from './compliance/compliance.module';
export { ComplianceDataRepository, type ComplianceData } from './compliance/compliance-data.repository';
export { ComplianceSnapshotService } from './compliance/compliance-snapshot.service';
