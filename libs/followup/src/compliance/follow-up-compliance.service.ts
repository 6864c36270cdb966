import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  type CalendarDate,
  Clock,
  compareDates,
  type ContractCompliance,
  contractCompliance,
  copenhagenDateOf,
  isUuid,
  NotFoundError,
} from '@klausul/domain';
import { type ComplianceData, ComplianceDataRepository, ComplianceSnapshotService } from '@klausul/contracts';
import { Keyset, type Page, type PageQuery } from '@klausul/paging';
import { periodBounds, periodOf, periodsBetween } from '../reviews/review-period';
import type { DashboardContractView, PeriodComplianceView } from './follow-up-compliance.dto';
import { retention, type RetentionPoint } from './follow-up-status';
import { FollowUpDashboardRepository } from './follow-up-dashboard.repository';

/** Recount at most this many contracts at once for a past year's totals. */
const CHUNK = 2_000;

const DASHBOARD_SORTS = { startDate: { sql: 'c.start_date', type: 'date' } } as const;

/** The follow-up's figures: the monthly compliance series of a contract, retention, and the municipality's year. */
@Injectable()
export class FollowUpComplianceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly data: ComplianceDataRepository,
    private readonly snapshots: ComplianceSnapshotService,
    private readonly dashboards: FollowUpDashboardRepository,
  ) {}

  /** Required vs actual hires and hours at the end of each month, by the clause's counting rules. */
  async series(actor: Actor, contractId: string, from?: string, to?: string): Promise<{ contractId: string; periods: PeriodComplianceView[] }> {
    const data = await this.load(actor.municipalityId, contractId);
    const today = copenhagenDateOf(this.clock.now());
    const first = from ?? periodOf(data.contract.startDate);
    const last = to ?? periodOf(today < data.contract.endDate ? today : data.contract.endDate);
    if (first > last || periodsBetween(first, last).length > 120) return { contractId, periods: [] };
    return {
      contractId,
      periods: periodsBetween(first, last).map((period) => ({ period, ...this.at(data, periodBounds(period).last) })),
    };
  }

  async retention(actor: Actor, contractId: string): Promise<{ contractId: string; at: string; checkpoints: RetentionPoint[] }> {
    const data = await this.load(actor.municipalityId, contractId);
    const at = copenhagenDateOf(this.clock.now());
    return { contractId, at, checkpoints: retention(data.placements, at) };
  }

  /**
   * The municipality's contracts with a clause running in the year, counted at the year's
   * end (or today), against the year's targets. Today's figures are the ones stored per
   * contract, added up in SQL; a past year's are recounted from the placements.
   */
  async dashboard(actor: Actor, year: number) {
    const at = this.dashboardDate(year);
    const today = copenhagenDateOf(this.clock.now());
    await this.snapshots.refresh(actor.municipalityId);
    const totals = at === today ? await this.dashboards.storedTotals(actor.municipalityId, year) : await this.recountedTotals(actor.municipalityId, year, at);
    const target = await this.dashboards.target(actor.municipalityId, year);
    return {
      year,
      at,
      totals: { hires: totals.hires, weeklyHours: totals.weeklyHours },
      statuses: totals.statuses,
      target: target ? { ...target, hiresActual: totals.hires.actual } : null,
    };
  }

  /** The dashboard's contracts, a page at a time, each counted on the dashboard's date. */
  async dashboardContracts(actor: Actor, year: number, query: PageQuery): Promise<Page<DashboardContractView>> {
    const at = this.dashboardDate(year);
    const keyset = Keyset.of(query, DASHBOARD_SORTS, 'startDate', 'c.id');
    await this.snapshots.refresh(actor.municipalityId);
    const rows = await this.dashboards.contractsOfYear(actor.municipalityId, year, keyset);
    const loaded = await this.data.load(rows.slice(0, keyset.limit).map((r) => r.id));
    return keyset.page(rows, (row) => ({
      contractId: row.id,
      supplierName: row.supplier_name,
      tenderTitle: row.tender_title,
      period: periodOf(at),
      ...this.at(loaded.get(row.id)!, at),
    }));
  }

  private dashboardDate(year: number): CalendarDate {
    const today = copenhagenDateOf(this.clock.now());
    const yearEnd = `${year}-12-31`;
    return compareDates(today, yearEnd) < 0 ? today : yearEnd;
  }

  private async recountedTotals(municipalityId: string, year: number, at: CalendarDate) {
    const ids = await this.dashboards.contractIdsOfYear(municipalityId, year);
    const totals = { hires: { actual: 0, required: 0 }, weeklyHours: { actual: 0, required: 0 }, statuses: { on_track: 0, at_risk: 0, breached: 0 } };
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const data of (await this.data.load(ids.slice(i, i + CHUNK))).values()) {
        const figures = this.at(data, at);
        totals.hires.actual += figures.hires.actual;
        totals.hires.required += figures.hires.required;
        totals.weeklyHours.actual += figures.weeklyHours?.actual ?? 0;
        totals.weeklyHours.required += figures.weeklyHours?.required ?? 0;
        totals.statuses[figures.status] += 1;
      }
    }
    return totals;
  }

  private at(data: ComplianceData, at: CalendarDate): Omit<PeriodComplianceView, 'period'> {
    const figures: ContractCompliance = contractCompliance(data.contract, data.clauses, data.placements, at);
    return { at: figures.at, hires: figures.hires, weeklyHours: figures.weeklyHours, status: figures.status };
  }

  private async load(municipalityId: string, contractId: string): Promise<ComplianceData> {
    const owned = isUuid(contractId) && (await this.dashboards.contractExists(municipalityId, contractId));
    const data = owned ? (await this.data.load([contractId])).get(contractId) : undefined;
    if (!data) throw new NotFoundError('contract', contractId);
    return data;
  }
}
