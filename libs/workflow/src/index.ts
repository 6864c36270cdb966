export * from './engine/workflow-definition';
export * from './engine/workflow-engine.service';
export * from './engine/workflow-history.repository';
export * from './engine/workflow-registry';
export * from './table';
export * from './workflow.module';
export { AuditTrailRepository } from './engine/audit-trail.repository';
// The unit's audit page (libs/web/src/unit/admin).
export { AUDIT_KINDS, type AuditEntry, type AuditKind, type AuditQuery } from './engine/audit-trail.repository';
export { AuditQueryDto } from './http/audit.dto';
