import { type Role, InvalidInputError } from '@klausul/domain';
import { defineWorkflow, type TransitionContext } from '@klausul/workflow';

export type ParticipantState = 'enrolled' | 'completed' | 'dropped_out';
export type ParticipantEvent = 'complete' | 'drop_out';

/** The matchmaking unit: caseworkers of both departments and the admins. Suppliers never see participants. */
export const UPSKILLING_ROLES: Role[] = ['admin', 'procurement_caseworker', 'employment_caseworker'];

export const UPSKILLING_OUTCOMES = ['practicum', 'job', 'education', 'other'] as const;
export type UpskillingOutcome = (typeof UPSKILLING_OUTCOMES)[number];

/** End date on or after the start, and not after the planned end of the programme's maximum duration. */
async function recordEnd({ manager, entity, input }: TransitionContext): Promise<void> {
  const [row] = await manager.query(
    `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_text, to_char(planned_end_date, 'YYYY-MM-DD') AS planned_text FROM upskilling_participant WHERE id = $1`,
    [entity.id],
  );
  const endDate = String(input.endDate);
  if (endDate < row.start_text) throw new InvalidInputError(`endDate ${endDate} is before the participant's start (${row.start_text})`);
  if (endDate > row.planned_text) throw new InvalidInputError(`endDate ${endDate} is after the programme's maximum duration (until ${row.planned_text})`);
  await manager.query('UPDATE upskilling_participant SET end_date = $2, outcome = $3, note = COALESCE($4, note) WHERE id = $1', [
    entity.id,
    endDate,
    input.outcome ?? null,
    input.note ?? null,
  ]);
}

/**
 * A citizen in an upskilling programme (opkvalificeringsforløb): enrolled (counts against
 * the programme's capacity) until completed, with an outcome (practicum, job, education),
 * or dropped out. A completed participant may be proposed as a candidate on a job order.
 */
export const upskillingParticipantWorkflow = defineWorkflow<ParticipantState, ParticipantEvent>({
  table: {
    name: 'upskilling_participant',
    states: ['enrolled', 'completed', 'dropped_out'],
    initial: 'enrolled',
    final: ['completed', 'dropped_out'],
    events: {
      complete: { from: ['enrolled'], to: 'completed', roles: UPSKILLING_ROLES },
      drop_out: { from: ['enrolled'], to: 'dropped_out', roles: UPSKILLING_ROLES },
    },
  },
  tableName: 'upskilling_participant',
  resource: 'upskilling-participants',
  readRoles: UPSKILLING_ROLES,
  behaviour: {
    complete: { apply: recordEnd },
    drop_out: { apply: recordEnd },
  },
});
