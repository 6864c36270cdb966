import { Injectable } from '@nestjs/common';
import { type CalendarDate, type ComplianceStatus, contractCompliance, yearCountingDate } from '@klausul/domain';
import type { Keyset, Page } from '@klausul/paging';
import { ComplianceDataRepository } from './compliance-data.repository';
import { ComplianceSnapshotService } from './compliance-snapshot.service';

/** Recount at most this many contracts at once for a past year's totals. */
const CHUNK = 2_000;

export interface YearTotals {
  year: number;
  at: CalendarDate;
  hires: { actual: number; required: number };
  weeklyHours: { actual: number; required: number };
  statuses: Record<ComplianceStatus, number>;
}

export interface YearContractFigures {
  contractId: string;
  supplierName: string;
  tenderTitle: string;
  at: CalendarDate;
  hires: { actual: number; required: number };
  weeklyHours: { actual: number; required: number } | null;
  status: ComplianceStatus;
}

/**
 * A municipality's year: every contract with a clause that runs in it, counted on the
 * year's counting date (`yearCountingDate`). Today's figures are those stored per
 * contract, added up in SQL; a past year's are recounted from the placements.
 */
@Injectable()
export class YearFiguresService {
  constructor(
    private readonly data: ComplianceDataRepository,
    private readonly snapshots: ComplianceSnapshotService,
  ) {}

  async totals(municipalityId: string, year: number): Promise<YearTotals> {
    const today = await this.snapshots.refresh(municipalityId);
    const at = yearCountingDate(year, today);
    if (at === today) return { year, at, ...(await this.data.storedYearTotals(municipalityId, year)) };
    const ids = await this.data.contractIdsOfYear(municipalityId, year);
    const totals: YearTotals = { year, at, hires: { actual: 0, required: 0 }, weeklyHours: { actual: 0, required: 0 }, statuses: { on_track: 0, at_risk: 0, breached: 0 } };
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const data of (await this.data.load(ids.slice(i, i + CHUNK))).values()) {
        const figures = contractCompliance(data.contract, data.clauses, data.placements, at);
        totals.hires.actual += figures.hires.actual;
        totals.hires.required += figures.hires.required;
        totals.weeklyHours.actual += figures.weeklyHours?.actual ?? 0;
        totals.weeklyHours.required += figures.weeklyHours?.required ?? 0;
        totals.statuses[figures.status] += 1;
      }
    }
    return totals;
  }

  /** The year's contracts, a page at a time, each counted on the year's counting date. */
  async contracts(municipalityId: string, year: number, keyset: Keyset): Promise<Page<YearContractFigures>> {
    const at = yearCountingDate(year, await this.snapshots.refresh(municipalityId));
    const rows = await this.data.contractsOfYear(municipalityId, year, keyset);
    const loaded = await this.data.load(rows.slice(0, keyset.limit).map((r) => r.id));
    return keyset.page(rows, (row) => {
      const data = loaded.get(row.id)!;
      const figures = contractCompliance(data.contract, data.clauses, data.placements, at);
      return { contractId: row.id, supplierName: row.supplier_name, tenderTitle: row.tender_title, ...figures };
    });
  }
}
