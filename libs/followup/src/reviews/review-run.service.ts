import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { OUTBOX_CHANNEL } from '@klausul/outbox';
import { queueOf } from '@klausul/queue';
import { periodBounds, reviewSchedule, type Period } from './review-period';

export interface ReviewRunResult {
  period: Period;
  /** Reviews this run created (0 when the period had already run). */
  reviewsCreated: number;
  placementChecksCreated: number;
  /** Supplier confirmation requests this run queued (one e-mail each). */
  requestsQueued: number;
}

/**
 * The monthly run, set-based: a handful of statements, whatever the number of contracts.
 * Exactly once by construction: unique (contract_id, period) and (supplier_id, period) with
 * ON CONFLICT DO NOTHING, and the outbox row of a request is written only with the request
 * it belongs to. A second worker, a restart or a manual re-run creates nothing new.
 */
@Injectable()
export class ReviewRunService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Runs in the caller's transaction; `municipalityId` limits it to one municipality (the admin route). */
  async run(manager: EntityManager, period: Period, now: Date, municipalityId: string | null = null): Promise<ReviewRunResult> {
    // Runs of the same period wait for each other instead of racing on the unique keys.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('klausul-review-run'), hashtext($1))`, [period]);
    const { first, last } = periodBounds(period);
    const schedule = reviewSchedule(now, this.config.reviews);
    const [created] = await manager.query(
      `WITH new_review AS (
         INSERT INTO review (municipality_id, contract_id, supplier_id, period, state, due_on, created_at, updated_at)
         SELECT c.municipality_id, c.id, c.supplier_id, $1, 'awaiting_supplier', $4, $5, $5
           FROM contract c
          WHERE c.start_date <= $3 AND c.end_date >= $2 AND ($6::uuid IS NULL OR c.municipality_id = $6)
            AND EXISTS (SELECT 1 FROM employment_clause ec WHERE ec.contract_id = c.id)
         ON CONFLICT (contract_id, period) DO NOTHING
         RETURNING id, municipality_id, contract_id
       ), checks AS (
         INSERT INTO placement_check (municipality_id, review_id, placement_id, previous_weekly_hours)
         SELECT p.municipality_id, r.id, p.id, p.agreed_weekly_hours
           FROM new_review r JOIN placement p ON p.contract_id = r.contract_id AND p.state = 'active' AND p.start_date <= $3
         RETURNING id
       ), history AS (
         INSERT INTO workflow_transition (municipality_id, workflow, entity_id, event, from_state, to_state, version, actor_role, input, at)
         SELECT municipality_id, 'review', id, 'create', NULL, 'awaiting_supplier', 1, 'admin', jsonb_build_object('period', $1::text), $5
           FROM new_review
         RETURNING entity_id, id
       ), tasks AS (
         INSERT INTO scheduled_task (municipality_id, job_name, queue, entity_id, payload, due_at, transition_id)
         SELECT r.municipality_id, t.job, t.queue, r.id, '{}', t.due_at, h.id
           FROM new_review r JOIN history h ON h.entity_id = r.id
          CROSS JOIN (VALUES ('remind-review', $7::text, $8::timestamptz), ('review-deadline', $9::text, $10::timestamptz)) AS t (job, queue, due_at)
         RETURNING id
       )
       SELECT (SELECT count(*)::int FROM new_review) AS reviews, (SELECT count(*)::int FROM checks) AS checks,
              (SELECT count(*)::int FROM tasks) AS tasks`,
      [period, first, last, schedule.dueOn, now, municipalityId, queueOf('remind-review'), schedule.remindAt, queueOf('review-deadline'), schedule.deadlineAt],
    );
    const [requested] = await manager.query(
      `WITH request AS (
         INSERT INTO review_request (municipality_id, supplier_id, period, created_at)
         SELECT DISTINCT municipality_id, supplier_id, $1, $2::timestamptz FROM review
          WHERE period = $1 AND state = 'awaiting_supplier' AND ($3::uuid IS NULL OR municipality_id = $3)
         ON CONFLICT (supplier_id, period) DO NOTHING
         RETURNING id, municipality_id
       ), queued AS (
         INSERT INTO outbox (municipality_id, job_name, queue, entity_id, entity_table, payload)
         SELECT municipality_id, 'send-review-request', $4, id, NULL, '{}' FROM request
         RETURNING id
       )
       SELECT count(*)::int AS queued, CASE WHEN count(*) > 0 THEN pg_notify('${OUTBOX_CHANNEL}', '') END AS notified FROM queued`,
      [period, now, municipalityId, queueOf('send-review-request')],
    );
    return { period, reviewsCreated: created.reviews, placementChecksCreated: created.checks, requestsQueued: requested.queued };
  }
}
