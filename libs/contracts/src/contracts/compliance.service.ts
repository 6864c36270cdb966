import { Injectable } from '@nestjs/common';
import { type Actor, type CalendarDate, clauseCompliance, Clock, hoursAt } from '@klausul/domain';
import { termsOf } from '../clauses/clause.dto';
import { danishDateOf } from '../common/rows';
import { ComplianceDataRepository } from '../compliance/compliance-data.repository';
import type { ClauseComplianceView, ComplianceView } from './contract.dto';
import { ContractRepository } from './contract.repository';
import { ContractsService } from './contracts.service';

/** How far each clause of a contract is met on a date, by its counting rules (libs/domain counting). */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly contracts: ContractsService,
    private readonly repository: ContractRepository,
    private readonly data: ComplianceDataRepository,
    private readonly clock: Clock,
  ) {}

  async compliance(actor: Actor, id: string, at: CalendarDate = danishDateOf(this.clock.now())): Promise<ComplianceView> {
    const contract = await this.contracts.load(actor, id);
    const [clauses, partners, loaded] = await Promise.all([this.repository.clauses(id), this.repository.partners(id), this.data.load([id])]);
    // Each placement with the hours in effect on the date counted.
    const placements = (loaded.get(id)?.placements ?? []).map((p) => ({ ...p, agreedWeeklyHours: hoursAt(p, at) }));
    const hasRsvPartner = partners.some((p) => p.kind === 'rsv');
    const views: ClauseComplianceView[] = clauses.map((clause) => {
      const terms = termsOf(clause);
      const result = clauseCompliance(
        { hires: terms.requiredHires, weeklyHoursPerHire: terms.weeklyHoursPerHire ?? undefined, totalWeeklyHours: terms.totalWeeklyHours ?? undefined },
        placements.filter((p) => p.clauseId === clause.id),
        at,
        { earlyEndShare: terms.earlyEndShare, partnerPlacementsCount: terms.partnerPlacementsCount, openEndedUntil: contract.end_date },
      );
      const rsvCooperation = { required: terms.requiresRsvCooperation, met: !terms.requiresRsvCooperation || hasRsvPartner };
      return {
        clauseId: clause.id,
        lotNumber: clause.lot_number ?? null,
        hires: result.hires,
        weeklyHours: result.weeklyHours,
        rsvCooperation,
        met: result.met && rsvCooperation.met,
        counted: result.counted,
        notCounted: result.notCounted,
      };
    });
    const sum = (pick: (v: ClauseComplianceView) => { actual: number; required: number } | null) => {
      const parts = views.map(pick).filter((p) => p !== null);
      return { actual: parts.reduce((s, p) => s + p.actual, 0), required: parts.reduce((s, p) => s + p.required, 0) };
    };
    return {
      contractId: id,
      at,
      clauses: views,
      totals: { hires: sum((v) => v.hires), weeklyHours: views.some((v) => v.weeklyHours) ? sum((v) => v.weeklyHours) : null },
      met: views.every((v) => v.met),
    };
  }
}
