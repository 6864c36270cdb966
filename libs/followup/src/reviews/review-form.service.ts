import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, Clock, copenhagenDateOf } from '@klausul/domain';
import { AccessLogService } from '@klausul/identity';
import { allowedEvents } from '@klausul/workflow';
import { ReviewLinkSigner } from '../links/review-link.signer';
import { effectiveFromOf } from './review-answers';
import { ReviewConfirmationService } from './review-confirmation.service';
import type { PlacementCheckView, ReviewView } from './review.dto';
import { type ReviewEmployeeRow, reviewEmployees, reviewEmployeesOf } from './review-form.queries';
import { periodBounds } from './review-period';
import { ReviewService } from './review.service';
import { type ReviewState, reviewWorkflow } from './review.workflow';

/** One employee of the monthly confirmation: who they are, the pre-fill, and what was recorded. */
export interface ReviewEmployee {
  placementId: string;
  /** Null when the person was not hired through a job order, or their data has been erased. */
  name: string | null;
  jobTitle: string | null;
  startDate: string;
  /** Weekly hours in effect on the period's last day: the form's pre-fill ("same hours as now"). */
  weeklyHours: number;
  /** The placement ended by the period's last day (recorded earlier): its end is the answer, nothing to confirm. */
  endedBefore: { endDate: string; endReason: string } | null;
  /** The supplier's recorded answer; null until it has confirmed. */
  answer: Pick<PlacementCheckView, 'stillEmployed' | 'weeklyHours' | 'endDate' | 'endReason' | 'note'> | null;
  /** When the recorded answer changed the hours: the date the new figure counts from. */
  hoursChangedFrom: string | null;
}

/** The monthly confirmation as the supplier sees it (never the unit's own notes). */
export interface ReviewForm {
  review: ReviewView;
  employees: ReviewEmployee[];
  periodStart: string;
  periodEnd: string;
  /** Copenhagen's date today: the latest last working day the form accepts. */
  today: string;
  /** Whether the workflow lets this actor confirm the review now (else the page shows what was recorded). */
  canConfirm: boolean;
}

/** What the supplier answered for one review, as the month's tables show it: who left, whose hours changed, the notes. */
export interface ReviewAnswers {
  left: { name: string | null; endDate: string | null; endReason: string | null }[];
  hoursChanged: { name: string | null; from: number; to: number }[];
  notes: { name: string | null; note: string }[];
}

/** Why a review link does not open, for a page that explains it (the REST route answers 401 for both). */
export type ReviewLinkProblem = 'expired' | 'invalid';

/**
 * What the supplier's confirmation page shows: the review (through the same checks as the
 * REST routes: signed in as supplier HR, or the signed link) with each employee's name, job
 * title, start and hours. The people named are in the access log.
 */
@Injectable()
export class ReviewFormService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviews: ReviewService,
    private readonly confirmations: ReviewConfirmationService,
    private readonly signer: ReviewLinkSigner,
    private readonly clock: Clock,
    private readonly accessLog: AccessLogService,
  ) {}

  async form(actor: Actor, reviewId: string): Promise<ReviewForm> {
    const review = await this.reviews.get(actor, reviewId);
    const { first, last } = periodBounds(review.period);
    const rows = await reviewEmployees(this.dataSource.manager, reviewId, last);
    const named = rows.filter((row) => row.candidate_id && row.employee_name !== null).map((row) => row.candidate_id as string);
    await this.accessLog.recordMany(actor, { action: 'read-review-confirmation', subjectType: 'candidate', subjectIds: named });
    const checks = new Map(review.placements.map((check) => [check.placementId, check]));
    return {
      review,
      employees: rows.map((row) => toEmployee(row, checks.get(row.placement_id)!, first, last)),
      periodStart: first,
      periodEnd: last,
      today: copenhagenDateOf(this.clock.now()),
      canConfirm: allowedEvents(reviewWorkflow.table, review.state as ReviewState, actor.role).includes('submit'),
    };
  }

  /**
   * The supplier's answers for a page of one period's reviews (which `actor` has listed
   * through ReviewService.list), in one query; the people named go to the access log once.
   */
  async answersOf(actor: Actor, reviewIds: readonly string[], period: string): Promise<Map<string, ReviewAnswers>> {
    const answers = new Map<string, ReviewAnswers>(reviewIds.map((id) => [id, { left: [], hoursChanged: [], notes: [] }]));
    if (reviewIds.length === 0) return answers;
    const rows = await reviewEmployeesOf(this.dataSource.manager, reviewIds, periodBounds(period).last);
    const named = rows.filter((row) => row.candidate_id && row.employee_name !== null).map((row) => row.candidate_id as string);
    await this.accessLog.recordMany(actor, { action: 'read-review-answers', subjectType: 'candidate', subjectIds: [...new Set(named)] });
    for (const row of rows) {
      const review = answers.get(row.review_id)!;
      const name = row.employee_name;
      if (row.still_employed === false) review.left.push({ name, endDate: row.answered_end_text, endReason: row.answered_end_reason });
      const to = row.answered_weekly_hours === null ? null : Number(row.answered_weekly_hours);
      if (row.still_employed === true && to !== null && to !== Number(row.previous_weekly_hours)) review.hoursChanged.push({ name, from: Number(row.previous_weekly_hours), to });
      if (row.note) review.notes.push({ name, note: row.note });
    }
    return answers;
  }

  /** The form a signed link grants; refused exactly as the REST link route refuses (401, 403, 410). */
  async formByLink(token: string): Promise<ReviewForm> {
    const { actor, reviewId } = await this.confirmations.actorOfLink(token);
    return this.form(actor, reviewId);
  }

  /** For a link the confirmation service refused as unauthenticated: whether it has expired or is not a link at all. */
  async linkProblem(token: string): Promise<ReviewLinkProblem> {
    const check = await this.signer.verify(token, this.clock.now());
    return !check.ok && check.reason === 'expired' ? 'expired' : 'invalid';
  }
}

function toEmployee(row: ReviewEmployeeRow, check: PlacementCheckView, periodStart: string, periodEnd: string): ReviewEmployee {
  const endedBefore = row.placement_state === 'ended' && row.end_text !== null && row.end_text <= periodEnd;
  const answer = check.stillEmployed === null ? null : { stillEmployed: check.stillEmployed, weeklyHours: check.weeklyHours, endDate: check.endDate, endReason: check.endReason, note: check.note };
  const hoursChanged = answer?.stillEmployed === true && answer.weeklyHours !== null && answer.weeklyHours !== check.previousWeeklyHours;
  return {
    placementId: row.placement_id,
    name: row.employee_name,
    jobTitle: row.job_title,
    startDate: row.start_text,
    weeklyHours: Number(row.hours_at_period_end),
    // An end recorded without a reason (imported data) answers with "other": the answer must carry one.
    endedBefore: endedBefore ? { endDate: row.end_text!, endReason: row.end_reason ?? 'other' } : null,
    answer,
    hoursChangedFrom: hoursChanged ? effectiveFromOf({ startDate: row.start_text }, periodStart) : null,
  };
}
