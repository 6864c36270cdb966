import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, clauseCompliance, Clock, compareDates, copenhagenDateOf, NotFoundError, type PlacementRecord, isUuid } from '@klausul/domain';
import { periodBounds, periodOf, periodsBetween } from '../reviews/review-period';
import { clauseStatus, type ComplianceStatus, retention, type RetentionPoint, worstStatus } from './follow-up-status';

const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));

export interface PeriodCompliance {
  period: string;
  at: string;
  hires: { actual: number; required: number };
  weeklyHours: { actual: number; required: number } | null;
  status: ComplianceStatus;
}

interface ContractData {
  contract: { id: string; start: string; end: string };
  clauses: Record<string, any>[];
  placements: (PlacementRecord & { clauseId: string; hours: { from: string; weeklyHours: number }[] })[];
}

/** The follow-up's figures: the monthly compliance series of a contract, retention, and the municipality's year. */
@Injectable()
export class FollowUpComplianceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Required vs actual hires and hours at the end of each month, by the clause's counting rules. */
  async series(actor: Actor, contractId: string, from?: string, to?: string): Promise<{ contractId: string; periods: PeriodCompliance[] }> {
    const data = await this.load(actor.municipalityId, contractId);
    const today = copenhagenDateOf(this.clock.now());
    const first = from ?? periodOf(data.contract.start);
    const last = to ?? periodOf(today < data.contract.end ? today : data.contract.end);
    if (first > last || periodsBetween(first, last).length > 120) return { contractId, periods: [] };
    return { contractId, periods: periodsBetween(first, last).map((period) => this.at(data, period, periodBounds(period).last)) };
  }

  async retention(actor: Actor, contractId: string): Promise<{ contractId: string; at: string; checkpoints: RetentionPoint[] }> {
    const data = await this.load(actor.municipalityId, contractId);
    const at = copenhagenDateOf(this.clock.now());
    return { contractId, at, checkpoints: retention(data.placements, at) };
  }

  /** Every contract of the municipality running in the year, at the year's end (or today), against the year's targets. */
  async dashboard(actor: Actor, year: number) {
    const today = copenhagenDateOf(this.clock.now());
    const yearEnd = `${year}-12-31`;
    const at = compareDates(today, yearEnd) < 0 ? today : yearEnd;
    const contracts: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM contract c WHERE c.municipality_id = $1 AND c.start_date <= $3 AND c.end_date >= $2
          AND EXISTS (SELECT 1 FROM employment_clause ec WHERE ec.contract_id = c.id) ORDER BY c.start_date, c.id`,
      [actor.municipalityId, `${year}-01-01`, yearEnd],
    );
    const rows: (PeriodCompliance & { contractId: string })[] = [];
    for (const c of contracts) {
      const data = await this.load(actor.municipalityId, c.id);
      rows.push({ contractId: c.id, ...this.at(data, periodOf(at), at) });
    }
    const [target] = await this.dataSource.query('SELECT * FROM municipal_target WHERE municipality_id = $1 AND year = $2', [actor.municipalityId, year]);
    const sum = (pick: (r: PeriodCompliance) => { actual: number; required: number } | null) =>
      rows.reduce((s, r) => ({ actual: s.actual + (pick(r)?.actual ?? 0), required: s.required + (pick(r)?.required ?? 0) }), { actual: 0, required: 0 });
    const hires = sum((r) => r.hires);
    return {
      year,
      at,
      contracts: rows,
      totals: { hires, weeklyHours: sum((r) => r.weeklyHours) },
      statuses: { on_track: rows.filter((r) => r.status === 'on_track').length, at_risk: rows.filter((r) => r.status === 'at_risk').length, breached: rows.filter((r) => r.status === 'breached').length },
      target: target ? { hiresUnderClauses: num(target.hires_under_clauses) ?? null, clauseShare: num(target.clause_share) ?? null, hiresActual: hires.actual } : null,
    };
  }

  private at(data: ContractData, period: string, at: string): PeriodCompliance {
    const results = data.clauses.map((clause) => {
      const placements = data.placements
        .filter((p) => p.clauseId === clause.id)
        .map((p) => ({ ...p, agreedWeeklyHours: hoursAt(p, at) }));
      const result = clauseCompliance(
        { hires: clause.required_hires, weeklyHoursPerHire: num(clause.weekly_hours_per_hire), totalWeeklyHours: num(clause.total_weekly_hours) },
        placements,
        at,
        { earlyEndShare: Number(clause.early_end_share), partnerPlacementsCount: clause.partner_placements_count, openEndedUntil: data.contract.end },
      );
      return { result, status: clauseStatus(result, { firstHireDeadline: clause.first_hire_text, fullFulfilmentDeadline: clause.full_text }, at) };
    });
    const hours = results.map((r) => r.result.weeklyHours).filter((h) => h !== null);
    return {
      period,
      at,
      hires: { actual: results.reduce((s, r) => s + r.result.hires.actual, 0), required: results.reduce((s, r) => s + r.result.hires.required, 0) },
      weeklyHours: hours.length ? { actual: hours.reduce((s, h) => s + h.actual, 0), required: hours.reduce((s, h) => s + h.required, 0) } : null,
      status: worstStatus(results.map((r) => r.status)),
    };
  }

  private async load(municipalityId: string, contractId: string): Promise<ContractData> {
    const [contract] = isUuid(contractId)
      ? await this.dataSource.query(
          `SELECT id, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS "end" FROM contract WHERE id = $1 AND municipality_id = $2`,
          [contractId, municipalityId],
        )
      : [];
    if (!contract) throw new NotFoundError('contract', contractId);
    const clauses = await this.dataSource.query(
      `SELECT *, to_char(first_hire_deadline, 'YYYY-MM-DD') AS first_hire_text, to_char(full_fulfilment_deadline, 'YYYY-MM-DD') AS full_text
         FROM employment_clause WHERE contract_id = $1 ORDER BY id`,
      [contractId],
    );
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT p.*, to_char(p.start_date, 'YYYY-MM-DD') AS start_text, to_char(p.end_date, 'YYYY-MM-DD') AS end_text,
              COALESCE((SELECT json_agg(json_build_object('from', to_char(h.effective_from, 'YYYY-MM-DD'), 'weeklyHours', h.weekly_hours) ORDER BY h.effective_from)
                          FROM placement_hours h WHERE h.placement_id = p.id), '[]') AS hours
         FROM placement p WHERE p.contract_id = $1`,
      [contractId],
    );
    return {
      contract,
      clauses,
      placements: rows.map((r) => ({
        id: r.id,
        clauseId: r.clause_id,
        startDate: r.start_text,
        endDate: r.end_text,
        agreedWeeklyHours: Number(r.agreed_weekly_hours),
        agreedMonths: r.agreed_months === null ? null : Number(r.agreed_months),
        partnerId: r.partner_id,
        replacesPlacementId: r.replaces_placement_id,
        hours: r.hours.map((h: { from: string; weeklyHours: unknown }) => ({ from: h.from, weeklyHours: Number(h.weeklyHours) })),
      })),
    };
  }
}

/** The weekly hours in effect on a date: the latest recorded change by then, else the agreed hours. */
function hoursAt(p: { agreedWeeklyHours: number; hours: { from: string; weeklyHours: number }[] }, at: string): number {
  const inEffect = p.hours.filter((h) => h.from <= at);
  return inEffect.length ? inEffect[inEffect.length - 1].weeklyHours : p.agreedWeeklyHours;
}

