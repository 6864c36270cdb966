import { Injectable } from '@nestjs/common';
import type { Actor } from '@klausul/domain';
import { Keyset, type Page } from '@klausul/paging';
import { JOB_ORDER_SORTS, type JobOrderView, toJobOrderView } from './job-order.dto';
import { JobOrderRepository } from './job-order.repository';
import { jobOrderWorkflow, VISIBLE_TO_JOBCENTER } from './job-order.workflow';

/** Job descriptions still in play: neither closed (positions filled) nor cancelled. */
export const OPEN_JOB_ORDER_STATES: readonly string[] = jobOrderWorkflow.table.states.filter(
  (state) => state !== 'closed' && !(jobOrderWorkflow.table.final as readonly string[]).includes(state),
);

/**
 * The open job descriptions an actor may see, newest first, a page at a time: what a
 * supplier's start page lists (its own only), scoped as JobOrderService.list scopes them.
 */
@Injectable()
export class OpenJobOrdersService {
  constructor(private readonly jobOrders: JobOrderRepository) {}

  async list(actor: Actor, query: { limit?: number; cursor?: string }): Promise<Page<JobOrderView>> {
    const keyset = Keyset.of(query, JOB_ORDER_SORTS, '-createdAt', 'j.id');
    const visibleStates = actor.role === 'jobcenter_contact' ? OPEN_JOB_ORDER_STATES.filter((s) => VISIBLE_TO_JOBCENTER.includes(s)) : OPEN_JOB_ORDER_STATES;
    const rows = await this.jobOrders.list(
      actor.municipalityId,
      { supplierIds: actor.role === 'supplier_hr' ? [actor.supplierId] : [], visibleStates },
      keyset,
    );
    return keyset.page(rows, toJobOrderView);
  }
}
