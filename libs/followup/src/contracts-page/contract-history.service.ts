import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { tenderWorkflow } from '@klausul/contracts';
import { type Actor, NotFoundError } from '@klausul/domain';
import { assertSameSupplier, UsersService } from '@klausul/identity';
import { candidateWorkflow, jobOrderWorkflow, placementWorkflow } from '@klausul/matching';
import type { Page } from '@klausul/paging';
import { type MixedTransitionRecord, WorkflowHistoryRepository } from '@klausul/workflow';
import { reviewWorkflow } from '../reviews/review.workflow';

/** A page of a contract's history and the names of the people it mentions. */
export interface ContractHistoryPage {
  page: Page<MixedTransitionRecord>;
  /** User and API key ids -> display names (UsersService.displayNames). */
  names: Map<string, string>;
}

/**
 * The history of a contract. A contract is not a workflow of its own: its history is the
 * union of its tender's, its job orders', its placements' and its reviews' transitions,
 * and its candidates' hires (a placement begins with the candidate's `hire` event; the
 * rest of a candidate's way is the pipeline's), newest first. Partner additions and clause
 * changes are not recorded as transitions today.
 */
@Injectable()
export class ContractHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: WorkflowHistoryRepository,
    private readonly users: UsersService,
  ) {}

  async page(actor: Actor, contractId: string, page: { limit?: number; cursor?: string } = {}): Promise<ContractHistoryPage> {
    // One round trip: the contract (of the actor's municipality) and its entities' ids, each read by a contract_id index.
    // SQL of its own, against STYLE's "one owner per table", for now: the owners (matching's
    // JobOrderRepository and PlacementRepository, followup's review queries) have no "ids of a
    // contract" read yet, and four calls would be four round trips for one list of ids.
    const [contract]: { tender_id: string; supplier_id: string; job_orders: string[]; candidates: string[]; placements: string[]; reviews: string[] }[] = await this.dataSource.query(
      `SELECT c.tender_id, c.supplier_id,
              ARRAY(SELECT j.id FROM job_order j WHERE j.contract_id = c.id) AS job_orders,
              ARRAY(SELECT cd.id FROM candidate cd JOIN job_order j ON j.id = cd.job_order_id WHERE j.contract_id = c.id AND cd.state = 'hired') AS candidates,
              ARRAY(SELECT p.id FROM placement p WHERE p.contract_id = c.id) AS placements,
              ARRAY(SELECT r.id FROM review r WHERE r.contract_id = c.id) AS reviews
         FROM contract c WHERE c.id = $1 AND c.municipality_id = $2`,
      [contractId, actor.municipalityId],
    );
    if (!contract) throw new NotFoundError('contract', contractId);
    assertSameSupplier(actor, contract.supplier_id, { what: 'contract', id: contractId });
    const found = await this.history.forEntities(
      actor,
      `contract:${contractId}`,
      [
        { definition: tenderWorkflow, ids: [contract.tender_id] },
        { definition: jobOrderWorkflow, ids: contract.job_orders },
        { definition: candidateWorkflow, ids: contract.candidates, events: ['hire'] },
        { definition: placementWorkflow, ids: contract.placements },
        { definition: reviewWorkflow, ids: contract.reviews },
      ],
      page,
    );
    const names = await this.users.displayNames(actor, {
      userIds: found.items.map((e) => e.actor.userId),
      apiKeyIds: found.items.map((e) => e.actor.apiKeyId),
    });
    return { page: found, names };
  }
}
