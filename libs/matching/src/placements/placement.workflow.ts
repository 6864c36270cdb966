import type { Role } from '@klausul/domain';
import { defineWorkflow } from '@klausul/workflow';

export type PlacementState = 'active' | 'ended';
export type PlacementEvent = 'change_hours' | 'end';

export const END_REASONS = ['resigned', 'dismissed', 'moved_to_ordinary_job', 'education', 'illness', 'contract_ended', 'other'] as const;

const UNIT: Role[] = ['procurement_caseworker', 'employment_caseworker', 'admin'];

/**
 * A hire under a clause (ansættelse): active until it ends, with every change of weekly
 * hours kept (placement_hours and the history). Phase 3's monthly reviews fire these events.
 */
export const placementWorkflow = defineWorkflow<PlacementState, PlacementEvent>({
  table: {
    name: 'placement',
    states: ['active', 'ended'],
    initial: 'active',
    final: ['ended'],
    events: {
      change_hours: { from: ['active'], to: 'active', roles: [...UNIT, 'supplier_hr'] },
      end: { from: ['active'], to: 'ended', roles: [...UNIT, 'supplier_hr'] },
    },
  },
  tableName: 'placement',
  resource: 'placements',
  readRoles: [...UNIT, 'supplier_hr'],
  supplierColumn: 'supplier_id',
  behaviour: {
    change_hours: {
      guards: [
        async ({ manager, entity, input }) => {
          const [row] = await manager.query(`SELECT to_char(start_date, 'YYYY-MM-DD') AS start FROM placement WHERE id = $1`, [entity.id]);
          return String(input.effectiveFrom) < row.start ? `the change cannot take effect before the placement started (${row.start})` : null;
        },
      ],
      apply: async ({ manager, entity, input }) => {
        await manager.query(
          `INSERT INTO placement_hours (placement_id, municipality_id, effective_from, weekly_hours) VALUES ($1, $2, $3, $4)
           ON CONFLICT (placement_id, effective_from) DO UPDATE SET weekly_hours = EXCLUDED.weekly_hours, recorded_at = now()`,
          [entity.id, entity.municipality_id, input.effectiveFrom, input.weeklyHours],
        );
        // The hours that count are the latest in effect.
        await manager.query(
          `UPDATE placement SET agreed_weekly_hours = (
             SELECT weekly_hours FROM placement_hours WHERE placement_id = $1 AND effective_from <= CURRENT_DATE
              ORDER BY effective_from DESC LIMIT 1)
            WHERE id = $1 AND EXISTS (SELECT 1 FROM placement_hours WHERE placement_id = $1 AND effective_from <= CURRENT_DATE)`,
          [entity.id],
        );
      },
    },
    end: {
      guards: [
        async ({ manager, entity, input }) => {
          const [row] = await manager.query(`SELECT to_char(start_date, 'YYYY-MM-DD') AS start FROM placement WHERE id = $1`, [entity.id]);
          return String(input.endDate) < row.start ? `the end date cannot be before the placement started (${row.start})` : null;
        },
      ],
      apply: async ({ manager, entity, input }) => {
        await manager.query('UPDATE placement SET end_date = $2, end_reason = $3 WHERE id = $1', [entity.id, input.endDate, input.reason]);
      },
    },
  },
});
