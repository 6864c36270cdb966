import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ComplianceStatus } from '@klausul/domain';
import type { Keyset } from '@klausul/paging';

/**
 * Contracts with a clause that run at some point in the year (the dashboard's contracts).
 * The clause count is the one stored with the contract's figures, so callers recount first.
 */
const OF_YEAR = `c.municipality_id = $1 AND c.start_date <= make_date($2::int, 12, 31) AND c.end_date >= make_date($2::int, 1, 1)
  AND c.clause_count > 0`;

/** The yearly dashboard's queries, always inside one municipality. */
@Injectable()
export class FollowUpDashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async contractExists(municipalityId: string, contractId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM contract WHERE id = $1 AND municipality_id = $2', [contractId, municipalityId]);
    return rows.length > 0;
  }

  /** Today's figures stored on each contract of the year, added up in one statement. */
  async storedTotals(municipalityId: string, year: number) {
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

  async target(municipalityId: string, year: number): Promise<{ hiresUnderClauses: number | null; clauseShare: number | null } | null> {
    const [row] = await this.dataSource.query('SELECT hires_under_clauses, clause_share FROM municipal_target WHERE municipality_id = $1 AND year = $2', [
      municipalityId,
      year,
    ]);
    if (!row) return null;
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return { hiresUnderClauses: num(row.hires_under_clauses), clauseShare: num(row.clause_share) };
  }
}
