import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarDate, ComplianceStatus, ContractClause, ContractCompliance, ContractPlacement } from '@klausul/domain';
import type { Keyset } from '@klausul/paging';
import { termsOf } from '../clauses/clause.dto';
import { numberOrNull } from '../common/rows';

/** What counting needs of one contract (no personal data). */
export interface ComplianceData {
  contract: { id: string; startDate: CalendarDate; endDate: CalendarDate };
  clauses: ContractClause[];
  placements: ContractPlacement[];
}

/** A contract's stored compliance of a day, and the change counter it was counted at. */
export interface ComplianceSnapshot extends ContractCompliance {
  contractId: string;
  changes: string;
  clauseCount: number;
}

/**
 * Contracts with a clause that run at some point in the year. The clause count is the one
 * stored with the contract's figures, so callers recount first.
 */
const OF_YEAR = `c.municipality_id = $1 AND c.start_date <= make_date($2::int, 12, 31) AND c.end_date >= make_date($2::int, 1, 1)
  AND c.clause_count > 0`;

/** Reads contracts' clauses and placements for counting, many contracts in three queries; writes the stored figures. */
@Injectable()
export class ComplianceDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(contractIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, ComplianceData>> {
    const byContract = new Map<string, ComplianceData>();
    if (contractIds.length === 0) return byContract;
    const ids = [...contractIds];
    // Three set-based reads, one after another: inside a transaction they share one connection.
    const contracts: Record<string, any>[] = await manager.query(
      `SELECT id, start_date::text AS start_date, end_date::text AS end_date FROM contract WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const clauses: Record<string, any>[] = await manager.query(
      `SELECT e.*, e.first_hire_deadline::text AS first_hire_text, e.full_fulfilment_deadline::text AS full_text
         FROM employment_clause e WHERE e.contract_id = ANY($1::uuid[]) ORDER BY e.contract_id, e.id`,
      [ids],
    );
    const placements: Record<string, any>[] = await manager.query(
      `SELECT p.id, p.contract_id, p.clause_id, p.partner_id, p.replaces_placement_id, p.start_date::text AS start_date,
              p.end_date::text AS end_date, p.agreed_weekly_hours, p.agreed_months,
              COALESCE(h.changes, '[]') AS hours
         FROM placement p
         LEFT JOIN LATERAL (
           SELECT json_agg(json_build_object('from', ph.effective_from::text, 'weeklyHours', ph.weekly_hours) ORDER BY ph.effective_from) AS changes
             FROM placement_hours ph WHERE ph.placement_id = p.id
         ) h ON true
        WHERE p.contract_id = ANY($1::uuid[]) ORDER BY p.contract_id, p.start_date, p.id`,
      [ids],
    );
    for (const c of contracts) {
      byContract.set(c.id, { contract: { id: c.id, startDate: c.start_date, endDate: c.end_date }, clauses: [], placements: [] });
    }
    for (const row of clauses) {
      const terms = termsOf(row);
      byContract.get(row.contract_id)?.clauses.push({
        id: row.id,
        target: { hires: terms.requiredHires, weeklyHoursPerHire: terms.weeklyHoursPerHire ?? undefined, totalWeeklyHours: terms.totalWeeklyHours ?? undefined },
        earlyEndShare: terms.earlyEndShare,
        partnerPlacementsCount: terms.partnerPlacementsCount,
        firstHireDeadline: row.first_hire_text,
        fullFulfilmentDeadline: row.full_text,
      });
    }
    for (const row of placements) {
      byContract.get(row.contract_id)?.placements.push({
        id: row.id,
        clauseId: row.clause_id,
        startDate: row.start_date,
        endDate: row.end_date,
        agreedWeeklyHours: Number(row.agreed_weekly_hours),
        agreedMonths: numberOrNull(row.agreed_months),
        partnerId: row.partner_id,
        replacesPlacementId: row.replaces_placement_id,
        hours: (row.hours as { from: string; weeklyHours: unknown }[]).map((h) => ({ from: h.from, weeklyHours: Number(h.weeklyHours) })),
      });
    }
    return byContract;
  }

  /** Contracts of the municipality whose stored figures are not of `today` (never counted, changed since, or of an earlier day). */
  async due(manager: EntityManager, municipalityId: string, today: CalendarDate): Promise<{ id: string; changes: string }[]> {
    return manager.query(
      `SELECT id, compliance_changes::text AS changes FROM contract
        WHERE municipality_id = $1 AND (compliance_on IS NULL OR compliance_on < $2::date)`,
      [municipalityId, today],
    );
  }

  /** Today's figures stored on each contract of the year, added up in one statement. */
  async storedYearTotals(municipalityId: string, year: number) {
    const [row] = await this.dataSource.query(
      `SELECT COALESCE(sum(c.hires_actual), 0)::int AS hires_actual, COALESCE(sum(c.hires_required), 0)::int AS hires_required,
              COALESCE(sum(c.weekly_hours_actual), 0) AS hours_actual, COALESCE(sum(c.weekly_hours_required), 0) AS hours_required,
              count(*) FILTER (WHERE c.compliance_status = 'on_track')::int AS on_track,
              count(*) FILTER (WHERE c.compliance_status = 'at_risk')::int AS at_risk,
              count(*) FILTER (WHERE c.compliance_status = 'breached')::int AS breached
         FROM contract c WHERE ${OF_YEAR}`,
      [municipalityId, year],
    );
    return {
      hires: { actual: row.hires_actual as number, required: row.hires_required as number },
      weeklyHours: { actual: Number(row.hours_actual), required: Number(row.hours_required) },
      statuses: { on_track: row.on_track, at_risk: row.at_risk, breached: row.breached } as Record<ComplianceStatus, number>,
    };
  }

  async contractIdsOfYear(municipalityId: string, year: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT c.id FROM contract c WHERE ${OF_YEAR} ORDER BY c.start_date, c.id`, [municipalityId, year]);
    return rows.map((r) => r.id);
  }

  contractsOfYear(municipalityId: string, year: number, keyset: Keyset): Promise<{ id: string; page_key: string; supplier_name: string; tender_title: string }[]> {
    const params: unknown[] = [municipalityId, year];
    return this.dataSource.query(
      `SELECT c.id, s.name AS supplier_name, t.title AS tender_title, ${keyset.keyColumn}
         FROM contract c JOIN supplier s ON s.id = c.supplier_id JOIN tender t ON t.id = c.tender_id
        WHERE ${OF_YEAR}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
  }

  /** Every municipality of the installation (the nightly recount walks them one by one). */
  async municipalityIds(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM municipality ORDER BY id');
    return rows.map((r) => r.id);
  }

  /** Whether any contract of the municipality needs recounting (one index probe). */
  async anyDue(municipalityId: string, today: CalendarDate): Promise<boolean> {
    // The earliest stored day, uncounted first: one step down the (municipality, day) index,
    // whatever the statistics say about how many contracts are uncounted elsewhere.
    const [first] = await this.dataSource.query(
      `SELECT compliance_on::text AS day FROM contract WHERE municipality_id = $1 ORDER BY compliance_on ASC NULLS FIRST LIMIT 1`,
      [municipalityId],
    );
    return first !== undefined && (first.day === null || first.day < today);
  }

  /** Stores the figures; a contract changed since it was read (its counter moved) is left for the next read to recount. */
  async store(manager: EntityManager, snapshots: readonly ComplianceSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await manager.query(
      `UPDATE contract c SET compliance_on = v.on_date, compliance_status = v.status, hires_actual = v.hires_actual,
              hires_required = v.hires_required, weekly_hours_actual = v.hours_actual, weekly_hours_required = v.hours_required,
              clause_count = v.clause_count
         FROM unnest($1::uuid[], $2::bigint[], $3::date[], $4::text[], $5::int[], $6::int[], $7::numeric[], $8::numeric[], $9::int[])
              AS v(id, changes, on_date, status, hires_actual, hires_required, hours_actual, hours_required, clause_count)
        WHERE c.id = v.id AND c.compliance_changes = v.changes`,
      [
        snapshots.map((s) => s.contractId),
        snapshots.map((s) => s.changes),
        snapshots.map((s) => s.at),
        snapshots.map((s) => s.status),
        snapshots.map((s) => s.hires.actual),
        snapshots.map((s) => s.hires.required),
        snapshots.map((s) => s.weeklyHours?.actual ?? null),
        snapshots.map((s) => s.weeklyHours?.required ?? null),
        snapshots.map((s) => s.clauseCount),
      ],
    );
  }
}
