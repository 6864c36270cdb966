export * from './engine/workflow-definition';
export * from './engine/workflow-engine.service';
export * from './engine/workflow-history.repository';
export * from './engine/workflow-registry';
export * from './table';
export * from './workflow.module';
export { AuditTrailRepository } from './engine/audit-trail.repository';
