import { GuardFailedError, type Role } from '@klausul/domain';
import { defineWorkflow } from '@klausul/workflow';

export type PlacementState = 'active' | 'ended';
export type PlacementEvent = 'change_hours' | 'end';

export const END_REASONS = ['resigned', 'dismissed', 'moved_to_ordinary_job', 'education', 'illness', 'contract_ended', 'other'] as const;

const UNIT: Role[] = ['procurement_caseworker', 'employment_caseworker', 'admin'];

/**
 * A hire under a clause (ansættelse): active until it ends. Its weekly hours are a history
 * (placement_hours): the hired hours from the start date, then one entry per change.
 * Phase 3's monthly reviews fire these events.
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
  // The supplier's own staff: it sees the hours and the end it (or the unit) recorded.
  sharedHistoryInput: { supplier_hr: { change_hours: ['weeklyHours', 'effectiveFrom'], end: ['endDate', 'reason'] } },
  behaviour: {
    change_hours: {
      guards: [
        async ({ manager, entity, input }) => {
          const [row] = await manager.query(`SELECT to_char(start_date, 'YYYY-MM-DD') AS start FROM placement WHERE id = $1`, [entity.id]);
          return String(input.effectiveFrom) < row.start ? `the change cannot take effect before the placement started (${row.start})` : null;
        },
      ],
      apply: async ({ manager, entity, input }) => {
        // A change adds an entry from its date on; what was recorded before stays as it was.
        const added = await manager.query(
          `INSERT INTO placement_hours (placement_id, municipality_id, effective_from, weekly_hours) VALUES ($1, $2, $3, $4)
           ON CONFLICT (placement_id, effective_from) DO NOTHING RETURNING placement_id`,
          [entity.id, entity.municipality_id, input.effectiveFrom, input.weeklyHours],
        );
        if (added.length === 0) {
          const [recorded] = await manager.query(`SELECT weekly_hours FROM placement_hours WHERE placement_id = $1 AND effective_from = $2`, [
            entity.id,
            input.effectiveFrom,
          ]);
          if (Number(recorded.weekly_hours) !== Number(input.weeklyHours)) {
            throw new GuardFailedError(
              'placement',
              'change_hours',
              `${Number(recorded.weekly_hours)} weekly hours are already recorded from ${String(input.effectiveFrom)}; a change takes effect from another date`,
            );
          }
        }
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
        await manager.query('UPDATE placement SET end_date = $2, end_reason = $3 WHERE id = $1 AND version = $4', [
          entity.id,
          input.endDate,
          input.reason,
          entity.version,
        ]);
      },
    },
  },
});
