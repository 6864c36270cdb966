import type { MigrationInterface, QueryRunner } from 'typeorm';

/** States in which a candidacy is over, so the participant may be proposed on the job order again. */
const CLOSED_CANDIDACY = `('withdrawn', 'declined', 'rejected')`;

/**
 * One open candidacy per upskilling participant and job order, enforced by the database:
 * proposing the same participant ten times at once used to create ten candidates, as the
 * "already a candidate" check ran outside the transaction.
 *
 * Duplicates such a race left behind are withdrawn first, through a history row of their
 * own (the system acting as admin), keeping the one furthest along (hired, interview,
 * shortlisted, proposed), then the oldest. Two hires of one participant on one job order
 * cannot be resolved by a machine: the migration stops and names how many there are.
 */
export class RaceGuards1764100500000 implements MigrationInterface {
  name = 'RaceGuards1764100500000';

  async up(q: QueryRunner): Promise<void> {
    const [{ hired }] = await q.query(`
      SELECT count(*)::int AS hired FROM (
        SELECT 1 FROM candidate WHERE upskilling_participant_id IS NOT NULL AND state = 'hired'
         GROUP BY job_order_id, upskilling_participant_id HAVING count(*) > 1) twice`);
    if (hired > 0) {
      throw new Error(
        `RaceGuards1764100500000: ${hired} upskilling participant(s) were hired twice on one job order; withdraw or end the extra placement by hand, then start again`,
      );
    }
    await q.query(`
      WITH ranked AS (
        SELECT id, municipality_id, state, version,
               row_number() OVER (
                 PARTITION BY job_order_id, upskilling_participant_id
                 ORDER BY array_position(ARRAY['hired', 'interview', 'shortlisted', 'proposed'], state), created_at, id) AS rank
          FROM candidate
         WHERE upskilling_participant_id IS NOT NULL AND state NOT IN ${CLOSED_CANDIDACY}
      ), withdrawn AS (
        UPDATE candidate c SET state = 'withdrawn', version = c.version + 1, updated_at = now()
          FROM ranked r
         WHERE c.id = r.id AND r.rank > 1 AND c.version = r.version
        RETURNING c.id, c.municipality_id, r.state AS from_state, c.version
      )
      INSERT INTO workflow_transition (municipality_id, workflow, entity_id, event, from_state, to_state, version, actor_role, input, at)
      SELECT municipality_id, 'candidate', id, 'withdraw', from_state, 'withdrawn', version, 'admin',
             '{"reason": "a second open candidacy of the same upskilling participant on this job order"}'::jsonb, now()
        FROM withdrawn`);
    await q.query(`
      CREATE UNIQUE INDEX candidate_upskilling_participant_once ON candidate (job_order_id, upskilling_participant_id)
       WHERE upskilling_participant_id IS NOT NULL AND state NOT IN ${CLOSED_CANDIDACY}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX candidate_upskilling_participant_once');
  }
}
