import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { COMPLIANCE_STATUSES, type ComplianceStatus } from '@klausul/domain';
import { IsQueryBoolean, PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import { ClauseView, toClauseView } from '../clauses/clause.dto';
import { isoOf } from '../common/rows';
import { IsCalendarDate } from '../common/validation';
import { PROCUREMENT_AREAS, type ProcurementArea } from '../tenders/tender.dto';

export const PARTNER_KINDS = ['rsv', 'subcontractor'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export class AddPartnerDto {
  @ApiProperty({ format: 'uuid', description: 'A registered supplier; an RSV must be registered as one' })
  @IsUUID('all', { message: 'supplierId must be a UUID' })
  supplierId!: string;

  @ApiProperty({ enum: PARTNER_KINDS })
  @IsIn(PARTNER_KINDS, { message: `kind must be one of: ${PARTNER_KINDS.join(', ')}` })
  kind!: PartnerKind;
}

export class ComplianceQuery {
  @ApiPropertyOptional({ example: '2025-06-30', description: 'The date to count on; today when omitted' })
  @IsOptional()
  @IsCalendarDate()
  at?: string;
}

export const CONTRACT_PHASES = ['awarded', 'matching'] as const;

/** How the contract list sorts (keyset columns; each has an index ending in (column, id)). */
export const CONTRACT_SORTS = {
  startDate: { sql: 'c.start_date', type: 'date' },
  endDate: { sql: 'c.end_date', type: 'date' },
  // No deadline sorts last; COALESCE so the keyset never compares NULL (index contract_list_first_hire).
  firstHireDueOn: { sql: "COALESCE(c.first_hire_due_on, 'infinity'::date)", type: 'date' },
  // Worst first when ascending: breached, at risk, on track, not counted yet (index contract_list_severity).
  status: { sql: "CASE c.compliance_status WHEN 'breached' THEN 0 WHEN 'at_risk' THEN 1 WHEN 'on_track' THEN 2 ELSE 3 END", type: 'integer' },
} as const satisfies SortColumns;

export class ContractListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(CONTRACT_SORTS), default: '-startDate' })
  @IsOptional()
  @IsIn(sortValues(CONTRACT_SORTS), { message: `sort must be one of: ${sortValues(CONTRACT_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this supplier's contracts" })
  @IsOptional()
  @IsUUID('all', { message: 'supplierId must be a UUID' })
  supplierId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this tender's contracts" })
  @IsOptional()
  @IsUUID('all', { message: 'tenderId must be a UUID' })
  tenderId?: string;

  @ApiPropertyOptional({ enum: CONTRACT_PHASES })
  @IsOptional()
  @IsIn(CONTRACT_PHASES, { message: `phase must be one of: ${CONTRACT_PHASES.join(', ')}` })
  phase?: string;

  @ApiPropertyOptional({ enum: COMPLIANCE_STATUSES, description: 'Compliance status today' })
  @IsOptional()
  @IsIn(COMPLIANCE_STATUSES, { message: `status must be one of: ${COMPLIANCE_STATUSES.join(', ')}` })
  status?: ComplianceStatus;

  @ApiPropertyOptional({ enum: PROCUREMENT_AREAS, description: "Only contracts of tenders in this procurement area" })
  @IsOptional()
  @IsIn(PROCUREMENT_AREAS, { message: `procurementArea must be one of: ${PROCUREMENT_AREAS.join(', ')}` })
  procurementArea?: ProcurementArea;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only contracts that have not ended (end date today or later); false: only ended ones' })
  @IsOptional()
  @IsQueryBoolean()
  active?: boolean;
}

export const ALERT_KINDS = ['no_first_hire'] as const;
export const ALERT_SORTS = { createdAt: { sql: 'a.created_at', type: 'timestamptz' } } as const satisfies SortColumns;

export class AlertListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(ALERT_SORTS), default: '-createdAt' })
  @IsOptional()
  @IsIn(sortValues(ALERT_SORTS), { message: `sort must be one of: ${sortValues(ALERT_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this contract's alerts" })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a UUID' })
  contractId?: string;

  @ApiPropertyOptional({ enum: ALERT_KINDS })
  @IsOptional()
  @IsIn(ALERT_KINDS, { message: `kind must be one of: ${ALERT_KINDS.join(', ')}` })
  kind?: string;
}

export class FigureView {
  @ApiProperty() actual!: number;
  @ApiProperty() required!: number;
}

export class ContractComplianceSummary {
  @ApiProperty({ description: 'The day the figures are for (today)' }) at!: string;
  @ApiProperty({ type: FigureView }) hires!: FigureView;
  @ApiProperty({ type: FigureView, nullable: true }) weeklyHours!: FigureView | null;
  @ApiProperty({ enum: COMPLIANCE_STATUSES }) status!: ComplianceStatus;
}

export class PartnerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind!: PartnerKind;
  @ApiProperty() registeredSocialEconomy!: boolean;
}

export class AlertView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'The milestone date the alert is about' }) dueOn!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty() createdAt!: string;
}

export class ContractView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty() supplierCvr!: string;
  @ApiProperty({ type: [Number] }) lotNumbers!: number[];
  @ApiProperty() startDate!: string;
  @ApiProperty() endDate!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When check-first-hire runs' }) firstHireDueOn!: string | null;
  @ApiProperty({ enum: CONTRACT_PHASES, description: 'Phase of the Odense model' }) phase!: string;
  @ApiProperty({ type: ContractComplianceSummary, nullable: true, description: "All clauses' counted hires and hours today, and the worst status" })
  compliance!: ContractComplianceSummary | null;
  @ApiProperty({ type: [ClauseView] }) clauses!: ClauseView[];
  @ApiProperty({ type: [PartnerView] }) partners!: PartnerView[];
  @ApiProperty({ type: [AlertView], description: "The unit's open alerts (empty for suppliers)" }) alerts!: AlertView[];
  @ApiProperty() createdAt!: string;
}

export class ProgressView {
  @ApiProperty() actual!: number;
  @ApiProperty() required!: number;
  @ApiProperty() ratio!: number;
  @ApiProperty() met!: boolean;
}

export class ClauseComplianceView {
  @ApiProperty({ format: 'uuid' }) clauseId!: string;
  @ApiProperty({ nullable: true, type: Number }) lotNumber!: number | null;
  @ApiProperty({ type: ProgressView }) hires!: ProgressView;
  @ApiProperty({ type: ProgressView, nullable: true }) weeklyHours!: ProgressView | null;
  @ApiProperty({ description: 'Cooperation with an RSV partner, when the clause requires it' })
  rsvCooperation!: { required: boolean; met: boolean };
  @ApiProperty() met!: boolean;
  @ApiProperty({ description: 'Placements that count, and why' })
  counted!: { placementId: string; weeklyHours: number; basis: string; positionId: string }[];
  @ApiProperty({ description: 'Placements that do not count, and why' })
  notCounted!: { placementId: string; reason: string }[];
}

export class ComplianceView {
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: [ClauseComplianceView] }) clauses!: ClauseComplianceView[];
  @ApiProperty({ description: 'Sums over the clauses' })
  totals!: { hires: { actual: number; required: number }; weeklyHours: { actual: number; required: number } | null };
  @ApiProperty() met!: boolean;
}

export function toAlertView(row: Record<string, any>): AlertView {
  return {
    id: row.id,
    contractId: row.contract_id,
    kind: row.kind,
    message: row.message,
    dueOn: row.due_on,
    supplierName: row.supplier_name,
    tenderTitle: row.tender_title,
    createdAt: isoOf(row.created_at),
  };
}

export function toContractView(
  row: Record<string, any>,
  parts: { clauses: Record<string, any>[]; partners: Record<string, any>[]; alerts: Record<string, any>[] },
): ContractView {
  return {
    id: row.id,
    tenderId: row.tender_id,
    tenderTitle: row.tender_title,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    supplierCvr: row.supplier_cvr,
    lotNumbers: row.lot_numbers,
    startDate: row.start_date,
    endDate: row.end_date,
    firstHireDueOn: row.first_hire_due_on,
    phase: row.phase,
    compliance:
      row.compliance_on === null || row.compliance_on === undefined
        ? null
        : {
            at: row.compliance_on,
            hires: { actual: row.hires_actual, required: row.hires_required },
            weeklyHours:
              row.weekly_hours_required === null ? null : { actual: Number(row.weekly_hours_actual), required: Number(row.weekly_hours_required) },
            status: row.compliance_status,
          },
    clauses: parts.clauses.map(toClauseView),
    partners: parts.partners.map((p) => ({
      id: p.id,
      supplierId: p.supplier_id,
      name: p.name,
      kind: p.kind,
      registeredSocialEconomy: p.registered_social_economy,
    })),
    alerts: parts.alerts.map(toAlertView),
    createdAt: isoOf(row.created_at),
  };
}
