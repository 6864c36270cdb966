import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Keyset } from '@klausul/paging';

const CONTRACT_COLUMNS = `
  c.id, c.municipality_id, c.tender_id, c.supplier_id, c.phase, c.created_at,
  c.start_date::text AS start_date, c.end_date::text AS end_date, c.first_hire_due_on::text AS first_hire_due_on,
  c.compliance_on::text AS compliance_on, c.compliance_status, c.hires_actual, c.hires_required, c.weekly_hours_actual, c.weekly_hours_required,
  t.title AS tender_title, s.name AS supplier_name, s.cvr AS supplier_cvr,
  ARRAY(SELECT l.number FROM contract_lot cl JOIN tender_lot l ON l.id = cl.lot_id WHERE cl.contract_id = c.id ORDER BY l.number) AS lot_numbers`;

const ALERT_COLUMNS = `a.id, a.contract_id, a.kind, a.message, a.due_on::text AS due_on, a.created_at, s.name AS supplier_name, t.title AS tender_title`;

export interface ContractListFilters {
  supplierIds: string[];
  tenderId?: string;
  phase?: string;
  status?: string;
  procurementArea?: string;
  /** true: end date on or after `today`; false: before it. */
  active?: { value: boolean; today: string };
}

/** Queries on contracts, their clauses, partners, placements and alerts; always inside one municipality. */
@Injectable()
export class ContractRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of the municipality's contracts, filtered; `supplierIds` all apply (a supplier HR contact's own, and the query's). */
  list(municipalityId: string, filters: ContractListFilters, keyset: Keyset): Promise<(Record<string, any> & { id: string; page_key: string })[]> {
    const params: unknown[] = [municipalityId];
    const where = ['c.municipality_id = $1'];
    for (const supplierId of filters.supplierIds) where.push(`c.supplier_id = $${params.push(supplierId)}`);
    if (filters.tenderId) where.push(`c.tender_id = $${params.push(filters.tenderId)}`);
    if (filters.phase) where.push(`c.phase = $${params.push(filters.phase)}`);
    if (filters.status) where.push(`c.compliance_status = $${params.push(filters.status)}`);
    // Bounded by the municipality's contracts (the tender join is there already).
    if (filters.procurementArea) where.push(`t.procurement_area = $${params.push(filters.procurementArea)}`);
    if (filters.active) where.push(`c.end_date ${filters.active.value ? '>=' : '<'} $${params.push(filters.active.today)}::date`);
    return this.dataSource.query(
      `SELECT ${CONTRACT_COLUMNS}, ${keyset.keyColumn}
         FROM contract c JOIN tender t ON t.id = c.tender_id JOIN supplier s ON s.id = c.supplier_id
        WHERE ${where.join(' AND ')}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The clauses of several contracts, in one query. */
  clausesOf(contractIds: readonly string[]): Promise<Record<string, any>[]> {
    return this.dataSource.query(
      `SELECT e.*, e.first_hire_deadline::text AS first_hire_deadline, e.full_fulfilment_deadline::text AS full_fulfilment_deadline,
              l.number AS lot_number
         FROM employment_clause e LEFT JOIN tender_lot l ON l.id = e.lot_id WHERE e.contract_id = ANY($1::uuid[])
        ORDER BY e.contract_id, l.number NULLS FIRST, e.id`,
      [[...contractIds]],
    );
  }

  /** The partners of several contracts, in one query. */
  partnersOf(contractIds: readonly string[]): Promise<Record<string, any>[]> {
    return this.dataSource.query(
      `SELECT p.id, p.contract_id, p.supplier_id, p.kind, s.name, s.registered_social_economy
         FROM contract_partner p JOIN supplier s ON s.id = p.supplier_id WHERE p.contract_id = ANY($1::uuid[])
        ORDER BY p.contract_id, s.name, p.id`,
      [[...contractIds]],
    );
  }

  /** One page of the municipality's open alerts. */
  openAlertPage(municipalityId: string, filters: { contractId?: string; kind?: string }, keyset: Keyset): Promise<(Record<string, any> & { id: string; page_key: string })[]> {
    const params: unknown[] = [municipalityId];
    const where = ['a.municipality_id = $1', 'a.resolved_at IS NULL'];
    if (filters.contractId) where.push(`a.contract_id = $${params.push(filters.contractId)}`);
    if (filters.kind) where.push(`a.kind = $${params.push(filters.kind)}`);
    return this.dataSource.query(
      `SELECT ${ALERT_COLUMNS}, ${keyset.keyColumn} FROM contract_alert a JOIN contract c ON c.id = a.contract_id
         JOIN supplier s ON s.id = c.supplier_id JOIN tender t ON t.id = c.tender_id
        WHERE ${where.join(' AND ')}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
  }

  /** Open alerts of several contracts, in one query. */
  openAlertsOf(municipalityId: string, contractIds: readonly string[]): Promise<Record<string, any>[]> {
    return this.dataSource.query(
      `SELECT ${ALERT_COLUMNS} FROM contract_alert a JOIN contract c ON c.id = a.contract_id
         JOIN supplier s ON s.id = c.supplier_id JOIN tender t ON t.id = c.tender_id
        WHERE a.municipality_id = $1 AND a.resolved_at IS NULL AND a.contract_id = ANY($2::uuid[])
        ORDER BY a.created_at DESC, a.id`,
      [municipalityId, [...contractIds]],
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

  /** Inserts the partner; false when it is already a partner of the contract. */
  async insertPartner(manager: EntityManager, partner: { municipalityId: string; contractId: string; supplierId: string; kind: string }): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO contract_partner (municipality_id, contract_id, supplier_id, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT contract_partner_key DO NOTHING RETURNING id`,
      [partner.municipalityId, partner.contractId, partner.supplierId, partner.kind],
    );
    return rows.length > 0;
  }
}
