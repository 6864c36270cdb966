import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Keyset } from '@klausul/paging';

export interface NewSupplier {
  municipalityId: string;
  cvr: string;
  name: string;
  registeredSocialEconomy: boolean;
}

/** What the supplier list narrows to, inside the municipality. */
/** A supplier as a list or a select names it. */
export interface SupplierName {
  id: string;
  name: string;
  cvr: string;
}

export interface SupplierListFilters {
  rsv?: boolean;
  /** The start of the name (in any case) or, when it is digits, of the CVR number. */
  prefix?: string;
}

/** LIKE's wildcards in a user's text match themselves. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, '\\$&')}%`;

/** Queries on suppliers and their HR contacts; every one is scoped to a municipality. */
@Injectable()
export class SupplierRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the supplier, or returns null when the municipality already has one with this CVR number. */
  async insert(supplier: NewSupplier, manager: EntityManager = this.dataSource.manager): Promise<Record<string, any> | null> {
    const [row] = await manager.query(
      `INSERT INTO supplier (municipality_id, cvr, name, registered_social_economy) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT supplier_cvr_key DO NOTHING RETURNING *`,
      [supplier.municipalityId, supplier.cvr, supplier.name, supplier.registeredSocialEconomy],
    );
    return row ?? null;
  }

  async find(municipalityId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<Record<string, any> | null> {
    const [row] = await manager.query('SELECT * FROM supplier WHERE id = $1 AND municipality_id = $2', [id, municipalityId]);
    return row ?? null;
  }

  async findByCvr(municipalityId: string, cvr: string, manager: EntityManager = this.dataSource.manager): Promise<Record<string, any> | null> {
    const [row] = await manager.query('SELECT * FROM supplier WHERE cvr = $1 AND municipality_id = $2', [cvr, municipalityId]);
    return row ?? null;
  }

  /** One page of the municipality's suppliers; the prefix search uses the lower(name) and cvr pattern indexes. */
  list(municipalityId: string, filters: SupplierListFilters, keyset: Keyset): Promise<(Record<string, any> & { id: string; page_key: string })[]> {
    const params: unknown[] = [municipalityId];
    const where = ['s.municipality_id = $1'];
    if (filters.rsv !== undefined) where.push(`s.registered_social_economy = $${params.push(filters.rsv)}`);
    if (filters.prefix) {
      const pattern = `$${params.push(likePrefix(filters.prefix))}::text`;
      const byName = `lower(s.name) LIKE lower(${pattern})`;
      // Only digits can start a CVR number.
      where.push(/^[0-9]+$/.test(filters.prefix) ? `(${byName} OR s.cvr LIKE ${pattern})` : byName);
    }
    return this.dataSource.query(
      `SELECT s.*, ${keyset.keyColumn} FROM supplier s WHERE ${where.join(' AND ')}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
  }

  async update(
    municipalityId: string,
    id: string,
    fields: { name: string; registeredSocialEconomy: boolean },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Record<string, any> | null> {
    const [rows] = await manager.query(
      'UPDATE supplier SET name = $3, registered_social_economy = $4 WHERE id = $1 AND municipality_id = $2 RETURNING *',
      [id, municipalityId, fields.name, fields.registeredSocialEconomy],
    );
    return rows?.[0] ?? null;
  }

  /** How many contracts have the supplier as their RSV partner. */
  async rsvPartnerships(id: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ n }] = await manager.query("SELECT count(*)::int AS n FROM contract_partner WHERE supplier_id = $1 AND kind = 'rsv'", [id]);
    return n;
  }

  /** The names (and CVR numbers) of the municipality's suppliers among these ids, in one query; ids of others are left out. */
  namesOf(municipalityId: string, ids: readonly string[]): Promise<SupplierName[]> {
    return this.dataSource.query('SELECT id, name, cvr FROM supplier WHERE municipality_id = $1 AND id = ANY($2::uuid[]) ORDER BY name, id', [municipalityId, ids]);
  }

  /** Active HR contacts of the given suppliers. */
  hrContacts(supplierIds: readonly string[]): Promise<Record<string, any>[]> {
    return this.dataSource.query(
      `SELECT id, supplier_id, display_name, email FROM app_user
        WHERE supplier_id = ANY($1::uuid[]) AND role = 'supplier_hr' AND active ORDER BY display_name, id`,
      [supplierIds],
    );
  }
}
