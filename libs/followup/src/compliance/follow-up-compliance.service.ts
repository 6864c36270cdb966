import { Injectable } from '@nestjs/common';
import {
  type Actor,
  type CalendarDate,
  Clock,
  compareDates,
  type ContractCompliance,
  contractCompliance,
  copenhagenDateOf,
  InvalidInputError,
  isUuid,
  NotFoundError,
} from '@klausul/domain';
import { type ComplianceData, ComplianceDataRepository, YearFiguresService } from '@klausul/contracts';
import { Keyset, type Page, type PageQuery } from '@klausul/paging';
import { addPeriods, periodBounds, periodOf, periodsBetween } from '../reviews/review-period';
import type { DashboardContractView, PeriodComplianceView } from './follow-up-compliance.dto';
import { retention, type RetentionPoint } from './follow-up-status';
import { FollowUpDashboardRepository } from './follow-up-dashboard.repository';

/** The longest series one request may ask for: ten years of months. */
export const MAX_SERIES_MONTHS = 120;

/** A month of the series; `running` when it has not ended and is counted up to today. */
export type SeriesPeriod = PeriodComplianceView & { running: boolean };

const DASHBOARD_SORTS = { startDate: { sql: 'c.start_date', type: 'date' } } as const;

/** The follow-up's figures: the monthly compliance series of a contract, retention, and the municipality's year. */
@Injectable()
export class FollowUpComplianceService {
  constructor(
    private readonly clock: Clock,
    private readonly data: ComplianceDataRepository,
    private readonly years: YearFiguresService,
    private readonly dashboards: FollowUpDashboardRepository,
  ) {}

  /**
   * Required vs actual hires and hours at the end of each month, by the clause's counting
   * rules; the running month is counted up to today (`running: true`), and months that have
   * not begun are not counted. At most MAX_SERIES_MONTHS months at once.
   */
  async series(actor: Actor, contractId: string, from?: string, to?: string): Promise<{ contractId: string; periods: SeriesPeriod[] }> {
    return this.seriesOf(await this.load(actor.municipalityId, contractId), from, to);
  }

  /**
   * The contract page's figures from one load of its placements: the series of the last
   * MAX_SERIES_MONTHS months up to the running one (from the start when shorter) and retention.
   */
  async figures(actor: Actor, contractId: string): Promise<{ periods: SeriesPeriod[]; retention: RetentionPoint[]; at: string }> {
    const data = await this.load(actor.municipalityId, contractId);
    const today = copenhagenDateOf(this.clock.now());
    const last = periodOf(today < data.contract.endDate ? today : data.contract.endDate);
    const start = periodOf(data.contract.startDate);
    const earliest = addPeriods(last, -(MAX_SERIES_MONTHS - 1));
    const { periods } = this.seriesOf(data, start > earliest ? start : earliest, last);
    return { periods, retention: retention(data.placements, today), at: today };
  }

  private seriesOf(data: ComplianceData, from?: string, to?: string): { contractId: string; periods: SeriesPeriod[] } {
    const contractId = data.contract.id;
    const today = copenhagenDateOf(this.clock.now());
    const current = periodOf(today);
    if (to && to > current) throw new InvalidInputError(`to must not be later than the running month (${current}): months ahead have nothing to count`, { fields: ['to'] });
    const first = from ?? periodOf(data.contract.startDate);
    const last = to ?? periodOf(today < data.contract.endDate ? today : data.contract.endDate);
    if (first > last) return { contractId, periods: [] };
    const months = periodsBetween(first, last);
    if (months.length > MAX_SERIES_MONTHS) {
      throw new InvalidInputError(`the series spans ${months.length} months; at most ${MAX_SERIES_MONTHS} at once (narrow from and to)`, { fields: ['from', 'to'] });
    }
    return {
      contractId,
      periods: months.map((period) => {
        const end = periodBounds(period).last;
        const running = compareDates(end, today) > 0;
        return { period, running, ...this.at(data, running ? today : end) };
      }),
    };
  }

  async retention(actor: Actor, contractId: string): Promise<{ contractId: string; at: string; checkpoints: RetentionPoint[] }> {
    const data = await this.load(actor.municipalityId, contractId);
    const at = copenhagenDateOf(this.clock.now());
    return { contractId, at, checkpoints: retention(data.placements, at) };
  }

  /** The municipality's year against its targets (måltal): totals and statuses of its contracts with a clause. */
  async dashboard(actor: Actor, year: number) {
    const [totals, target] = await Promise.all([this.years.totals(actor.municipalityId, year), this.dashboards.target(actor.municipalityId, year)]);
    return {
      year,
      at: totals.at,
      totals: { hires: totals.hires, weeklyHours: totals.weeklyHours },
      statuses: totals.statuses,
      target: target ? { ...target, hiresActual: totals.hires.actual } : null,
    };
  }

  /** The dashboard's contracts, a page at a time, each counted on the dashboard's date. */
  async dashboardContracts(actor: Actor, year: number, query: PageQuery): Promise<Page<DashboardContractView>> {
    const keyset = Keyset.of(query, DASHBOARD_SORTS, 'startDate', 'c.id');
    const page = await this.years.contracts(actor.municipalityId, year, keyset);
    return { ...page, items: page.items.map((row) => ({ ...row, period: periodOf(row.at) })) };
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
