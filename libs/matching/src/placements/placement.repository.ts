import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Keyset } from '@klausul/paging';

/** Queries on placements for the matching routes; always under one contract of one municipality. */
@Injectable()
export class PlacementRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The contract placements are listed under, if it is the municipality's. */
  async contract(municipalityId: string, contractId: string): Promise<{ id: string; supplier_id: string } | null> {
    const [row] = await this.dataSource.query('SELECT id, supplier_id FROM contract WHERE id = $1 AND municipality_id = $2', [contractId, municipalityId]);
    return row ?? null;
  }

  /**
   * One page of a contract's placements with the hired person's name and job title (from
   * the candidate who became the placement, and its job order), the hours in effect on
   * `today` and the partner, in one query.
   */
  listOfContract(
    contractId: string,
    filters: { state?: string; today: string },
    keyset: Keyset,
  ): Promise<(Record<string, any> & { id: string; page_key: string })[]> {
    const params: unknown[] = [contractId, filters.today];
    const where = ['p.contract_id = $1'];
    if (filters.state) {
      params.push(filters.state);
      where.push(`p.state = $${params.length}`);
    }
    return this.dataSource.query(
      `SELECT p.id, p.clause_id, p.state, p.start_date::text AS start_date, p.end_date::text AS end_date,
              COALESCE(h.weekly_hours, p.agreed_weekly_hours) AS weekly_hours,
              k.id AS candidate_id, k.display_name AS employee_name, k.job_title,
              cp.id AS partner_id, cp.supplier_id AS partner_supplier_id, cp.kind AS partner_kind, ps.name AS partner_name,
              ${keyset.keyColumn}
         FROM placement p
         LEFT JOIN LATERAL (
           SELECT ph.weekly_hours FROM placement_hours ph
            WHERE ph.placement_id = p.id AND ph.effective_from <= $2::date ORDER BY ph.effective_from DESC LIMIT 1) h ON true
         LEFT JOIN LATERAL (
           SELECT c.id, c.display_name, j.title AS job_title FROM candidate c JOIN job_order j ON j.id = c.job_order_id
            WHERE c.placement_id = p.id ORDER BY c.created_at, c.id LIMIT 1) k ON true
         LEFT JOIN contract_partner cp ON cp.id = p.partner_id
         LEFT JOIN supplier ps ON ps.id = cp.supplier_id
        WHERE ${where.join(' AND ')}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
  }
}
