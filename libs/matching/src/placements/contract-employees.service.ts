import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, InvalidInputError, isUuid, NotFoundError } from '@klausul/domain';
import { assertSameSupplier } from '@klausul/identity';
import type { Page } from '@klausul/paging';
import type { ChangeHoursDto, ContractPlacementView, EndPlacementDto, PlacementListQuery, PlacementView } from './placement.dto';
import { PlacementService } from './placement.service';

/** The contract a supplier's employees page is about. */
export interface EmployeesContract {
  id: string;
  tenderTitle: string;
  supplierName: string;
}

/**
 * "My employees under the clause": a contract's placements and the two changes a supplier
 * makes to them (hours from a date, an end), through PlacementService as the REST routes
 * do, for a placement of that contract only.
 */
@Injectable()
export class ContractEmployeesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placements: PlacementService,
  ) {}

  /** The contract's heading and one page of its placements (404 for another supplier's contract, as the list route). */
  async page(actor: Actor, contractId: string, query: PlacementListQuery): Promise<{ contract: EmployeesContract; employees: Page<ContractPlacementView> }> {
    // A page's path is not validated by a DTO: what is not an id is not found.
    if (!isUuid(contractId)) throw new NotFoundError('contract', contractId);
    const employees = await this.placements.listOfContract(actor, contractId, query);
    const [row] = await this.dataSource.query(
      `SELECT c.id, t.title AS tender_title, s.name AS supplier_name
         FROM contract c JOIN tender t ON t.id = c.tender_id JOIN supplier s ON s.id = c.supplier_id
        WHERE c.id = $1 AND c.municipality_id = $2`,
      [contractId, actor.municipalityId],
    );
    return { contract: { id: row.id, tenderTitle: row.tender_title, supplierName: row.supplier_name }, employees };
  }

  async changeHours(actor: Actor, contractId: string, placementId: string, dto: ChangeHoursDto): Promise<PlacementView> {
    const startDate = await this.startOf(actor, contractId, placementId);
    if (dto.effectiveFrom < startDate) throw beforeStart(placementId, 'effectiveFrom', startDate);
    return this.placements.fire(actor, placementId, 'change_hours', { ...dto });
  }

  async end(actor: Actor, contractId: string, placementId: string, dto: EndPlacementDto): Promise<PlacementView> {
    const startDate = await this.startOf(actor, contractId, placementId);
    if (dto.endDate < startDate) throw beforeStart(placementId, 'endDate', startDate);
    return this.placements.fire(actor, placementId, 'end', { ...dto });
  }

  /** The placement's start date, if it is one of this contract's and the actor may see it; else 404. */
  private async startOf(actor: Actor, contractId: string, placementId: string): Promise<string> {
    if (!isUuid(placementId) || !isUuid(contractId)) throw new NotFoundError('placement', placementId);
    const [row] = await this.dataSource.query(
      `SELECT contract_id, supplier_id, to_char(start_date, 'YYYY-MM-DD') AS start_text FROM placement
        WHERE id = $1 AND municipality_id = $2`,
      [placementId, actor.municipalityId],
    );
    if (!row || row.contract_id !== contractId) throw new NotFoundError('placement', placementId);
    assertSameSupplier(actor, row.supplier_id, { what: 'placement', id: placementId });
    return row.start_text;
  }
}

/**
 * The placement workflow's guard refuses this too; said here first with the field and the
 * start date, so a form can point at the field in the person's language.
 */
function beforeStart(placementId: string, field: string, startDate: string): InvalidInputError {
  return new InvalidInputError(`the date cannot be before the placement started (${startDate})`, { placementId, field, problem: 'before_start', startDate });
}
