import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface NewSupplier {
  municipalityId: string;
  cvr: string;
  name: string;
  registeredSocialEconomy: boolean;
}

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

  list(municipalityId: string): Promise<Record<string, any>[]> {
    return this.dataSource.query('SELECT * FROM supplier WHERE municipality_id = $1 ORDER BY name, id', [municipalityId]);
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
