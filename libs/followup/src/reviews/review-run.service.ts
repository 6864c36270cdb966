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

/** A municipality's run of a period, recorded the first time the period runs for it (review_run). */
export interface RecordedRun {
  id: string;
  municipalityId: string;
  late: boolean;
  reviewsCreated: number;
}

export interface ReviewRunScope {
  /** The municipalities to run; null: all of them (an operator's or a benchmark's run). */
  municipalityIds: readonly string[] | null;
  trigger: 'schedule' | 'manual';
  /** For the scheduler: when each municipality's run was due, so a run long after it is recorded as late. */
  scheduledFor?: ReadonlyMap<string, Date>;
}

/** A scheduled run that starts more than this after its time is late, and the unit is told. */
export const LATE_AFTER_MS = 60 * 60_000;

/**
 * The monthly run, set-based: a handful of statements, whatever the number of contracts.
 * Exactly once by construction: unique (contract_id, period) and (supplier_id, period) with
 * ON CONFLICT DO NOTHING, and the outbox row of a request is written only with the request
 * it belongs to. A second worker, a restart or a manual re-run creates nothing new. The
 * first run of a period for a municipality is recorded (review_run), also when it found
 * nothing to review, so the scheduler knows the month has run.
 */
@Injectable()
export class ReviewRunService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Takes the period's lock: runs of one period (any trigger, any worker) wait for each other instead of racing on the unique keys. */
  async lockPeriod(manager: EntityManager, period: Period): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('klausul-review-run'), hashtext($1))`, [period]);
  }

  /** Runs in the caller's transaction. */
  async run(manager: EntityManager, period: Period, now: Date, scope: ReviewRunScope = { municipalityIds: null, trigger: 'manual' }): Promise<ReviewRunResult & { runs: RecordedRun[] }> {
    await this.lockPeriod(manager, period);
    const { first, last } = periodBounds(period);
    const schedule = reviewSchedule(now, this.config.reviews);
    const ids = scope.municipalityIds === null ? null : [...scope.municipalityIds];
    const scheduled = [...(scope.scheduledFor ?? new Map<string, Date>()).entries()];
    const [created] = await manager.query(
      `WITH new_review AS (
         INSERT INTO review (municipality_id, contract_id, supplier_id, period, state, due_on, created_at, updated_at)
         SELECT c.municipality_id, c.id, c.supplier_id, $1, 'awaiting_supplier', $4, $5, $5
           FROM contract c
          WHERE c.start_date <= $3 AND c.end_date >= $2 AND ($6::uuid[] IS NULL OR c.municipality_id = ANY($6))
            AND EXISTS (SELECT 1 FROM employment_clause ec WHERE ec.contract_id = c.id)
         ON CONFLICT (contract_id, period) DO NOTHING
         RETURNING id, municipality_id, contract_id
       ), checks AS (
         -- Pre-filled with the hours in effect at the month's end (the hours history), not the hired hours.
         INSERT INTO placement_check (municipality_id, review_id, placement_id, previous_weekly_hours)
         SELECT p.municipality_id, r.id, p.id,
                COALESCE((SELECT ph.weekly_hours FROM placement_hours ph WHERE ph.placement_id = p.id AND ph.effective_from <= $3
                           ORDER BY ph.effective_from DESC LIMIT 1), p.agreed_weekly_hours)
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
       ), recorded AS (
         INSERT INTO review_run (municipality_id, period, trigger, scheduled_for, started_at, late, reviews_created)
         SELECT m.id, $1, $11::text, s.due_at, $5,
                -- A municipality set up after the run was due (a new installation, say) was not kept waiting.
                COALESCE($5::timestamptz - s.due_at > $14::int * interval '1 millisecond' AND m.created_at <= s.due_at, false),
                (SELECT count(*) FROM new_review r WHERE r.municipality_id = m.id)
           FROM municipality m LEFT JOIN unnest($12::uuid[], $13::timestamptz[]) AS s (municipality_id, due_at) ON s.municipality_id = m.id
          WHERE $6::uuid[] IS NULL OR m.id = ANY($6)
         ON CONFLICT (municipality_id, period) DO NOTHING
         RETURNING id, municipality_id, late, reviews_created
       )
       SELECT (SELECT count(*)::int FROM new_review) AS reviews, (SELECT count(*)::int FROM checks) AS checks,
              (SELECT count(*)::int FROM tasks) AS tasks,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'municipalityId', municipality_id, 'late', late, 'reviewsCreated', reviews_created)), '[]')
                 FROM recorded) AS runs`,
      [
        period, first, last, schedule.dueOn, now, ids,
        queueOf('remind-review'), schedule.remindAt, queueOf('review-deadline'), schedule.deadlineAt,
        scope.trigger, scheduled.map(([id]) => id), scheduled.map(([, at]) => at), LATE_AFTER_MS,
      ],
    );
    const [requested] = await manager.query(
      `WITH request AS (
         INSERT INTO review_request (municipality_id, supplier_id, period, created_at)
         SELECT DISTINCT municipality_id, supplier_id, $1, $2::timestamptz FROM review
          WHERE period = $1 AND state = 'awaiting_supplier' AND ($3::uuid[] IS NULL OR municipality_id = ANY($3))
         ON CONFLICT (supplier_id, period) DO NOTHING
         RETURNING id, municipality_id
       ), queued AS (
         INSERT INTO outbox (municipality_id, job_name, queue, entity_id, entity_table, payload)
         SELECT municipality_id, 'send-review-request', $4, id, NULL, '{}' FROM request
         RETURNING id
       )
       SELECT count(*)::int AS queued, CASE WHEN count(*) > 0 THEN pg_notify('${OUTBOX_CHANNEL}', '') END AS notified FROM queued`,
      [period, now, ids, queueOf('send-review-request')],
    );
    return {
      period,
      reviewsCreated: created.reviews,
      placementChecksCreated: created.checks,
      requestsQueued: requested.queued,
      runs: (created.runs as RecordedRun[]).map((r) => ({ ...r, reviewsCreated: Number(r.reviewsCreated) })),
    };
  }
}
