import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

const CONTRACT_COLUMNS = `
  c.id, c.municipality_id, c.tender_id, c.supplier_id, c.phase, c.created_at,
  c.start_date::text AS start_date, c.end_date::text AS end_date, c.first_hire_due_on::text AS first_hire_due_on,
  t.title AS tender_title, s.name AS supplier_name, s.cvr AS supplier_cvr,
  ARRAY(SELECT l.number FROM contract_lot cl JOIN tender_lot l ON l.id = cl.lot_id WHERE cl.contract_id = c.id ORDER BY l.number) AS lot_numbers`;

const ALERT_COLUMNS = `a.id, a.contract_id, a.kind, a.message, a.due_on::text AS due_on, a.created_at, s.name AS supplier_name, t.title AS tender_title`;

/** Queries on contracts, their clauses, partners, placements and alerts; always inside one municipality. */
@Injectable()
export class ContractRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The municipality's contracts; only one supplier's when `supplierId` is given. */
  list(municipalityId: string, supplierId: string | null): Promise<Record<string, any>[]> {
    return this.dataSource.query(
      `SELECT ${CONTRACT_COLUMNS} FROM contract c JOIN tender t ON t.id = c.tender_id JOIN supplier s ON s.id = c.supplier_id
        WHERE c.municipality_id = $1 AND ($2::uuid IS NULL OR c.supplier_id = $2) ORDER BY c.start_date DESC, s.name, c.id`,
      [municipalityId, supplierId],
    );
  }

  async find(municipalityId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<Record<string, any> | null> {
    const [row] = await manager.query(
      `SELECT ${CONTRACT_COLUMNS} FROM contract c JOIN tender t ON t.id = c.tender_id JOIN supplier s ON s.id = c.supplier_id
        WHERE c.id = $1 AND c.municipality_id = $2`,
      [id, municipalityId],
    );
    return row ?? null;
  }

  clauses(contractId: string): Promise<Record<string, any>[]> {
    return this.dataSource.query(
      `SELECT e.*, e.first_hire_deadline::text AS first_hire_deadline, e.full_fulfilment_deadline::text AS full_fulfilment_deadline,
              l.number AS lot_number
         FROM employment_clause e LEFT JOIN tender_lot l ON l.id = e.lot_id WHERE e.contract_id = $1 ORDER BY l.number NULLS FIRST, e.id`,
      [contractId],
    );
  }

  partners(contractId: string): Promise<Record<string, any>[]> {
    return this.dataSource.query(
      `SELECT p.id, p.supplier_id, p.kind, s.name, s.registered_social_economy
         FROM contract_partner p JOIN supplier s ON s.id = p.supplier_id WHERE p.contract_id = $1 ORDER BY s.name, p.id`,
      [contractId],
    );
  }

  /** Placements of the contract as counting needs them (no personal data). */
  placements(contractId: string): Promise<Record<string, any>[]> {
    return this.dataSource.query(
      `SELECT id, clause_id, partner_id, replaces_placement_id, start_date::text AS start_date, end_date::text AS end_date,
              agreed_weekly_hours, agreed_months
         FROM placement WHERE contract_id = $1 ORDER BY start_date, id`,
      [contractId],
    );
  }

  /** Inserts the partner; false when it is already a partner of the contract. */
  async insertPartner(manager: EntityManager, partner: { municipalityId: string; contractId: string; supplierId: string; kind: string }): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO contract_partner (municipality_id, contract_id, supplier_id, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT contract_partner_key DO NOTHING RETURNING id`,
      [partner.municipalityId, partner.contractId, partner.supplierId, partner.kind],
    );
    return rows.length > 0;
  }

  /** Open alerts of the municipality, or of one contract. */
  openAlerts(municipalityId: string, contractId: string | null = null): Promise<Record<string, any>[]> {
    return this.dataSource.query(
      `SELECT ${ALERT_COLUMNS} FROM contract_alert a JOIN contract c ON c.id = a.contract_id
         JOIN supplier s ON s.id = c.supplier_id JOIN tender t ON t.id = c.tender_id
        WHERE a.municipality_id = $1 AND a.resolved_at IS NULL AND ($2::uuid IS NULL OR a.contract_id = $2)
        ORDER BY a.created_at DESC, a.id`,
      [municipalityId, contractId],
    );
  }
}
