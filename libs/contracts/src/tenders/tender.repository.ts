import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Keyset } from '@klausul/paging';
import type { LotDto, ProcurementArea } from './tender.dto';

export interface NewTender {
  municipalityId: string;
  reference: string | null;
  title: string;
  description: string;
  procurementArea: ProcurementArea;
  estimatedValueDkk: number;
  durationMonths: number;
  clauseRequired: boolean;
  state: string;
  now: Date;
}

export interface NewMeeting {
  id: string;
  municipalityId: string;
  tenderId: string;
  heldOn: string;
  bidderName: string;
  supplierId: string | null;
  participants: string[];
  notes: string;
  willingness: string;
  tasksMatched: string[];
  upskillingNeeds: string[];
}

/** Everything a tender's page shows besides the tender row. */
export interface TenderDetails {
  lots: Record<string, any>[];
  screening: Record<string, any> | null;
  meetings: Record<string, any>[];
  drafts: Record<string, any>[];
  contracts: Record<string, any>[];
}

@Injectable()
export class TenderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the tender; null when the municipality already has a tender with this reference. */
  async insert(manager: EntityManager, t: NewTender): Promise<({ id: string; municipality_id: string } & Record<string, any>) | null> {
    const [row] = await manager.query(
      `INSERT INTO tender (municipality_id, reference, title, description, procurement_area, estimated_value_dkk, duration_months,
                           clause_required, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT ON CONSTRAINT tender_reference_key DO NOTHING RETURNING *`,
      [t.municipalityId, t.reference, t.title, t.description, t.procurementArea, t.estimatedValueDkk, t.durationMonths, t.clauseRequired, t.state, t.now],
    );
    return row ?? null;
  }

  async insertLots(manager: EntityManager, tender: { id: string; municipality_id: string }, lots: readonly LotDto[]): Promise<void> {
    await manager.query(
      `INSERT INTO tender_lot (municipality_id, tender_id, number, title, estimated_value_dkk)
       SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::numeric[])`,
      [tender.municipality_id, tender.id, lots.map((l) => l.number), lots.map((l) => l.title), lots.map((l) => l.estimatedValueDkk ?? null)],
    );
  }

  async insertMeeting(manager: EntityManager, m: NewMeeting): Promise<void> {
    await manager.query(
      `INSERT INTO dialogue_meeting (id, municipality_id, tender_id, held_on, bidder_name, supplier_id, participants, notes,
                                     willingness, tasks_matched, upskilling_needs)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [m.id, m.municipalityId, m.tenderId, m.heldOn, m.bidderName, m.supplierId, m.participants, m.notes, m.willingness, m.tasksMatched, m.upskillingNeeds],
    );
  }

  findByReference(municipalityId: string, reference: string): Promise<Record<string, any> | undefined> {
    return this.dataSource
      .query('SELECT * FROM tender WHERE municipality_id = $1 AND reference = $2', [municipalityId, reference])
      .then((rows: Record<string, any>[]) => rows[0]);
  }

  /** One page of the municipality's tenders, optionally in one state. */
  list(municipalityId: string, filters: { state?: string }, keyset: Keyset): Promise<(Record<string, any> & { id: string; page_key: string })[]> {
    const params: unknown[] = [municipalityId];
    let where = 't.municipality_id = $1';
    if (filters.state) where += ` AND t.state = $${params.push(filters.state)}`;
    return this.dataSource.query(
      `SELECT t.*, ${keyset.keyColumn} FROM tender t WHERE ${where}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The number of lots of several tenders, in one query. */
  async lotCounts(tenderIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { tender_id: string; lots: number }[] = await this.dataSource.query(
      'SELECT tender_id, count(*)::int AS lots FROM tender_lot WHERE tender_id = ANY($1::uuid[]) GROUP BY tender_id',
      [[...tenderIds]],
    );
    return new Map(rows.map((row) => [row.tender_id, row.lots]));
  }

  async details(tenderId: string, manager: EntityManager = this.dataSource.manager): Promise<TenderDetails> {
    const [lots, screening, meetings, drafts, contracts] = await Promise.all([
      manager.query(
        `SELECT l.*, cl.contract_id FROM tender_lot l LEFT JOIN contract_lot cl ON cl.lot_id = l.id WHERE l.tender_id = $1 ORDER BY l.number`,
        [tenderId],
      ),
      manager.query('SELECT * FROM tender_screening WHERE tender_id = $1', [tenderId]),
      manager.query(
        `SELECT id, held_on::text AS held_on, bidder_name, supplier_id, participants, notes, willingness, tasks_matched, upskilling_needs
           FROM dialogue_meeting WHERE tender_id = $1 ORDER BY 2, created_at, id`,
        [tenderId],
      ),
      manager.query(
        `SELECT d.*, l.number AS lot_number FROM clause_draft d LEFT JOIN tender_lot l ON l.id = d.lot_id
          WHERE d.tender_id = $1 ORDER BY l.number NULLS FIRST`,
        [tenderId],
      ),
      manager.query(
        `SELECT c.id, c.supplier_id, s.name AS supplier_name,
                ARRAY(SELECT l.number FROM contract_lot cl JOIN tender_lot l ON l.id = cl.lot_id WHERE cl.contract_id = c.id ORDER BY l.number) AS lot_numbers
           FROM contract c JOIN supplier s ON s.id = c.supplier_id WHERE c.tender_id = $1 ORDER BY s.name, c.id`,
        [tenderId],
      ),
    ]);
    return { lots, screening: screening[0] ?? null, meetings, drafts, contracts };
  }
}
