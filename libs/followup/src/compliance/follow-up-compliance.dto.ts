import { ApiProperty } from '@nestjs/swagger';
import { COMPLIANCE_STATUSES, type ComplianceStatus } from '@klausul/domain';

class FigureView {
  @ApiProperty() actual!: number;
  @ApiProperty() required!: number;
}

/** A contract's figures on a date: hires and weekly hours against the requirement, and the worst status of its clauses. */
export class PeriodComplianceView {
  @ApiProperty({ example: '2025-10' }) period!: string;
  @ApiProperty({ example: '2025-10-31' }) at!: string;
  @ApiProperty({ type: FigureView }) hires!: FigureView;
  @ApiProperty({ type: FigureView, nullable: true }) weeklyHours!: FigureView | null;
  @ApiProperty({ enum: COMPLIANCE_STATUSES }) status!: ComplianceStatus;
}

/** One row of the yearly dashboard's contract table. */
export class DashboardContractView extends PeriodComplianceView {
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty() tenderTitle!: string;
}
