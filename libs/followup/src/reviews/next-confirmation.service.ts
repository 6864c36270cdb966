import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { type Actor, Clock, copenhagenDateOf, type LocalDate } from '@klausul/domain';
import { DEFAULT_REVIEW_RUN_WORKING_DAY } from '../settings/follow-up-settings.dto';
import { type ContractConfirmation, upcomingConfirmation } from './next-confirmation';
import { reviewSummariesOf, runWorkingDayOf } from './next-confirmation.queries';

/**
 * Each contract's next monthly confirmation, for a supplier's start page: the oldest one
 * open now (with its due date), or else when the next request comes. Two queries, whatever
 * the number of contracts; a supplier HR contact only ever reads its own supplier's reviews.
 */
@Injectable()
export class NextConfirmationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async forContracts(actor: Actor, contracts: readonly { id: string; startDate: LocalDate; endDate: LocalDate }[]): Promise<Map<string, ContractConfirmation>> {
    const result = new Map<string, ContractConfirmation>();
    if (contracts.length === 0 || (actor.role === 'supplier_hr' && !actor.supplierId)) return result;
    const manager = this.dataSource.manager;
    const [summaries, runDay] = await Promise.all([
      reviewSummariesOf(manager, actor.municipalityId, contracts.map((c) => c.id), actor.role === 'supplier_hr' ? actor.supplierId : null),
      runWorkingDayOf(manager, actor.municipalityId),
    ]);
    const today = copenhagenDateOf(this.clock.now());
    for (const contract of contracts) {
      const summary = summaries.find((s) => s.contract_id === contract.id);
      const awaiting = summary?.awaiting_id
        ? {
            reviewId: summary.awaiting_id,
            period: summary.awaiting_period!,
            dueOn: summary.awaiting_due!,
            overdue: summary.awaiting_state === 'overdue',
            count: summary.awaiting_count,
          }
        : null;
      const upcoming = awaiting
        ? null
        : upcomingConfirmation({
            today,
            latestPeriod: summary?.latest_period ?? null,
            contractStart: contract.startDate,
            contractEnd: contract.endDate,
            runWorkingDay: runDay ?? DEFAULT_REVIEW_RUN_WORKING_DAY,
            deadlineWorkingDays: this.config.reviews.deadlineWorkingDays,
          });
      result.set(contract.id, { contractId: contract.id, awaiting, upcoming });
    }
    return result;
  }
}
