import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type CalendarDate, Clock, contractCompliance } from '@klausul/domain';
import { danishDateOf } from '../common/rows';
import { ComplianceDataRepository } from './compliance-data.repository';

/** Recount at most this many contracts per round trip, to keep the arrays and the memory small. */
const CHUNK = 2_000;

/**
 * Keeps each contract's compliance of today stored on the contract, so lists can filter by
 * status and the dashboard can add up in SQL. Counting itself is the pure domain's
 * (`contractCompliance`); this only decides what to recount and stores the result.
 */
@Injectable()
export class ComplianceSnapshotService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly data: ComplianceDataRepository,
    private readonly clock: Clock,
  ) {}

  /** Recounts the municipality's contracts whose figures are not of today; returns today. */
  async refresh(municipalityId: string): Promise<CalendarDate> {
    const today = danishDateOf(this.clock.now());
    if (!(await this.data.anyDue(municipalityId, today))) return today;
    await this.dataSource.transaction(async (manager) => {
      // Concurrent readers of one municipality wait for one recount instead of each doing it.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('contract-compliance:' || $1, 0))`, [municipalityId]);
      const due = await this.data.due(manager, municipalityId, today);
      for (let i = 0; i < due.length; i += CHUNK) {
        const chunk = due.slice(i, i + CHUNK);
        const loaded = await this.data.load(
          chunk.map((c) => c.id),
          manager,
        );
        const snapshots = chunk.flatMap(({ id, changes }) => {
          const data = loaded.get(id);
          return data ? [{ contractId: id, changes, clauseCount: data.clauses.length, ...contractCompliance(data.contract, data.clauses, data.placements, today) }] : [];
        });
        await this.data.store(manager, snapshots);
      }
    });
    return today;
  }
}
