import type { EntityManager } from 'typeorm';
import { MATCHMAKING_UNIT } from '@klausul/domain';
import type { Keyset } from '@klausul/paging';
import type { ReviewRunRow } from './review-run.dto';
import type { Period, RunCalendarDay } from './review-period';
import { DEFAULT_REVIEW_RUN_TIME, DEFAULT_REVIEW_RUN_WORKING_DAY } from '../settings/follow-up-settings.dto';

export interface DueReviewRun {
  municipalityId: string;
  period: Period;
  dueAt: Date;
}

/**
 * For every municipality, the latest period whose run time (its own working day and time,
 * Copenhagen) has passed by `now`, when that period has not run for it yet: one query for
 * all municipalities. (A municipality new since then gets that period run too: with no
 * contracts it creates nothing, with imported ones it is the month they owe.)
 */
export async function dueReviewRuns(manager: EntityManager, calendar: readonly RunCalendarDay[], now: Date): Promise<DueReviewRun[]> {
  const rows: { municipality_id: string; period: string; due_at: Date }[] = await manager.query(
    `WITH calendar AS (
       SELECT * FROM unnest($1::text[], $2::int[], $3::date[]) AS c (period, working_day, day)
     ), due AS (
       SELECT DISTINCT ON (m.id) m.id AS municipality_id, c.period,
              (c.day + COALESCE(s.review_run_time, $5)::time) AT TIME ZONE 'Europe/Copenhagen' AS due_at
         FROM municipality m
         LEFT JOIN follow_up_setting s ON s.municipality_id = m.id
         JOIN calendar c ON c.working_day = COALESCE(s.review_run_working_day, $6::int)
        WHERE (c.day + COALESCE(s.review_run_time, $5)::time) AT TIME ZONE 'Europe/Copenhagen' <= $4
        ORDER BY m.id, c.period DESC
     )
     SELECT d.municipality_id, d.period, d.due_at FROM due d
      WHERE NOT EXISTS (SELECT 1 FROM review_run rr WHERE rr.municipality_id = d.municipality_id AND rr.period = d.period)`,
    [
      calendar.map((c) => c.period),
      calendar.map((c) => c.workingDay),
      calendar.map((c) => c.date),
      now,
      DEFAULT_REVIEW_RUN_TIME,
      DEFAULT_REVIEW_RUN_WORKING_DAY,
    ],
  );
  return rows.map((r) => ({ municipalityId: r.municipality_id, period: r.period, dueAt: r.due_at }));
}

/** One page of a municipality's runs. */
export function listReviewRuns(manager: EntityManager, municipalityId: string, keyset: Keyset): Promise<(ReviewRunRow & { id: string; page_key: string })[]> {
  const params: unknown[] = [municipalityId];
  return manager.query(
    `SELECT rr.id, rr.period, rr.trigger, rr.scheduled_for, rr.started_at, rr.late, rr.reviews_created, ${keyset.keyColumn}
       FROM review_run rr WHERE rr.municipality_id = $1${keyset.condition(params)}${keyset.orderAndLimit}`,
    params,
  );
}

/** The active caseworkers (the matchmaking unit) of some municipalities, in one query. */
export function caseworkersOf(manager: EntityManager, municipalityIds: readonly string[]): Promise<{ municipality_id: string; email: string }[]> {
  return manager.query(
    `SELECT municipality_id, email FROM app_user
      WHERE active AND role = ANY($2::text[]) AND municipality_id = ANY($1::uuid[])
      ORDER BY municipality_id, email`,
    [[...municipalityIds], [...MATCHMAKING_UNIT]],
  );
}
