import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Keyset } from '@klausul/paging';

/** A job order as its view reads it, with the supplier's name and the title of the contract's tender. */
const JOB_ORDER_COLUMNS = `j.*, s.name AS supplier_name, t.title AS contract_title`;
const JOB_ORDER_FROM = `job_order j JOIN supplier s ON s.id = j.supplier_id JOIN contract c ON c.id = j.contract_id JOIN tender t ON t.id = c.tender_id`;

export interface JobOrderListFilters {
  /** All apply: a supplier HR contact's own supplier, and the query's (a null matches nothing). */
  supplierIds: (string | null)[];
  /** The states the actor may see at all (the jobcenter's), or null for every state. */
  visibleStates: readonly string[] | null;
  state?: string;
  contractId?: string;
  candidatesDueBy?: string;
}

export interface JobOrderFields {
  title: string;
  tasks: string;
  weeklyHours: number;
  shiftPattern: string;
  workplaceAddress: string;
  startDate: string;
  positions: number;
  requirements: string;
  learningOnTheJob: string;
  interviewContact: string;
}

const COLUMN_OF: Record<keyof JobOrderFields, string> = {
  title: 'title', tasks: 'tasks', weeklyHours: 'weekly_hours', shiftPattern: 'shift_pattern', workplaceAddress: 'workplace_address',
  startDate: 'start_date', positions: 'positions', requirements: 'requirements', learningOnTheJob: 'learning_on_the_job',
  interviewContact: 'interview_contact',
};

/** Queries on job orders; always inside one municipality. */
@Injectable()
export class JobOrderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of the municipality's job orders, filtered. */
  list(municipalityId: string, filters: JobOrderListFilters, keyset: Keyset): Promise<(Record<string, any> & { id: string; page_key: string })[]> {
    const params: unknown[] = [municipalityId];
    const where = ['j.municipality_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    for (const supplierId of filters.supplierIds) add('j.supplier_id = ?', supplierId);
    if (filters.visibleStates) add('j.state = ANY(?::text[])', filters.visibleStates);
    if (filters.state) add('j.state = ?', filters.state);
    if (filters.contractId) add('j.contract_id = ?', filters.contractId);
    if (filters.candidatesDueBy) add('j.candidates_due_on <= ?::date', filters.candidatesDueBy);
    return this.dataSource.query(
      `SELECT ${JOB_ORDER_COLUMNS}, ${keyset.keyColumn} FROM ${JOB_ORDER_FROM}
        WHERE ${where.join(' AND ')}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
  }

  /** One job order of the municipality (and of the supplier, for a supplier HR contact), or null. */
  async find(
    municipalityId: string,
    id: string,
    onlySupplier: { supplierId: string | null } | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Record<string, any> | null> {
    const [row] = await manager.query(
      `SELECT ${JOB_ORDER_COLUMNS} FROM ${JOB_ORDER_FROM} WHERE j.id = $1 AND j.municipality_id = $2${onlySupplier ? ' AND j.supplier_id = $3' : ''}`,
      onlySupplier ? [id, municipalityId, onlySupplier.supplierId] : [id, municipalityId],
    );
    return row ?? null;
  }

  /** A job order's state and version, its row locked until the transaction ends (a retry checks them against a concurrent cancel). */
  async lockState(manager: EntityManager, municipalityId: string, id: string): Promise<{ state: string; version: number } | null> {
    const [row] = await manager.query('SELECT state, version FROM job_order WHERE id = $1 AND municipality_id = $2 FOR UPDATE', [id, municipalityId]);
    return row ?? null;
  }

  /** The contract a job order is drafted on, if it is the municipality's. */
  async contract(manager: EntityManager, municipalityId: string, contractId: string): Promise<{ id: string; supplier_id: string } | null> {
    const [row] = await manager.query('SELECT id, supplier_id FROM contract WHERE id = $1 AND municipality_id = $2', [contractId, municipalityId]);
    return row ?? null;
  }

  async insert(
    manager: EntityManager,
    order: JobOrderFields & { municipalityId: string; contractId: string; supplierId: string; now: Date },
  ): Promise<Record<string, any> & { id: string; municipality_id: string }> {
    const [row] = await manager.query(
      `INSERT INTO job_order (municipality_id, contract_id, supplier_id, state, title, tasks, weekly_hours, shift_pattern,
                              workplace_address, start_date, positions, requirements, learning_on_the_job, interview_contact, created_at, updated_at)
       VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING *`,
      [order.municipalityId, order.contractId, order.supplierId, order.title, order.tasks, order.weeklyHours, order.shiftPattern, order.workplaceAddress,
        order.startDate, order.positions, order.requirements, order.learningOnTheJob, order.interviewContact, order.now],
    );
    return row;
  }

}

/** The fields of a job description a supplier may edit, in their order. */
export const JOB_ORDER_FIELDS = Object.keys(COLUMN_OF) as (keyof JobOrderFields)[];

/**
 * Writes an edit's fields, at the version the engine loaded: the behaviour of the edit and
 * revise events, so the engine's compare-and-set, history row and version move with it.
 */
export async function writeJobOrderFields(manager: EntityManager, id: string, version: number, fields: Partial<JobOrderFields>): Promise<void> {
  const changes = JOB_ORDER_FIELDS.filter((field) => fields[field] !== undefined);
  if (changes.length === 0) return;
  await manager.query(
    `UPDATE job_order SET ${changes.map((field, i) => `${COLUMN_OF[field]} = $${i + 3}`).join(', ')} WHERE id = $1 AND version = $2`,
    [id, version, ...changes.map((field) => fields[field])],
  );
}
