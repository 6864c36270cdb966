import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Targets and the counts they are measured by; years are Danish calendar years. */
@Injectable()
export class TargetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(municipalityId: string, year: number): Promise<Record<string, any> | null> {
    const [row] = await this.dataSource.query('SELECT * FROM municipal_target WHERE municipality_id = $1 AND year = $2', [municipalityId, year]);
    return row ?? null;
  }

  async upsert(t: { municipalityId: string; year: number; clauseShare: number | null; hiresUnderClauses: number | null; by: string | null; now: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO municipal_target (municipality_id, year, clause_share, hires_under_clauses, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (municipality_id, year) DO UPDATE SET clause_share = EXCLUDED.clause_share,
         hires_under_clauses = EXCLUDED.hires_under_clauses, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [t.municipalityId, t.year, t.clauseShare, t.hiresUnderClauses, t.by, t.now],
    );
  }

  async progress(municipalityId: string, year: number): Promise<{ eligible: number; withClause: number }> {
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM tender WHERE municipality_id = $1 AND clause_required AND state <> 'cancelled'
             AND extract(year FROM created_at AT TIME ZONE 'Europe/Copenhagen') = $2) AS eligible,
         (SELECT count(*)::int FROM tender WHERE municipality_id = $1 AND clause_required
             AND state IN ('clause_defined', 'published', 'awarded', 'handed_over')
             AND extract(year FROM created_at AT TIME ZONE 'Europe/Copenhagen') = $2) AS with_clause`,
      [municipalityId, year],
    );
    return { eligible: row.eligible, withClause: row.with_clause };
  }
}
