import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The follow-up's own reads around the figures, always inside one municipality. */
@Injectable()
export class FollowUpDashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async contractExists(municipalityId: string, contractId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM contract WHERE id = $1 AND municipality_id = $2', [contractId, municipalityId]);
    return rows.length > 0;
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
