import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ComplianceDataRepository } from '@klausul/contracts';
import { type Actor, contractCompliance } from '@klausul/domain';
import { AccessLogService } from '@klausul/identity';
import { reviewEmployeesOf } from '../reviews/review-form.queries';
import { type Period, periodBounds } from '../reviews/review-period';
import { ReviewService } from '../reviews/review.service';
import type { MeetingPack, MeetingPackContract, MeetingPackEmployee, MeetingPackReviewState } from './meeting-pack';
import { periodReviews } from './meeting-pack.queries';

/** Count and read at most this many contracts at once (a municipality's month is hundreds, a big one a few thousand). */
const CHUNK = 2_000;

/**
 * The month's meeting pack: every contract reviewed in the period with its figures on the
 * period's last day (counted from its placements, as YearFiguresService counts a past
 * day) and the supplier's answers per employee. Set-based: one query for the reviews, then
 * three for the figures and one for the employees per chunk of 2,000; the people named go
 * to the access log.
 */
@Injectable()
export class MeetingPackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly data: ComplianceDataRepository,
    private readonly reviews: ReviewService,
    private readonly accessLog: AccessLogService,
  ) {}

  async build(actor: Actor, period: Period): Promise<MeetingPack> {
    const at = periodBounds(period).last;
    const cutoff = this.reviews.escalationCutoff();
    const reviews = await periodReviews(this.dataSource.manager, actor.municipalityId, period);
    const contracts: MeetingPackContract[] = [];
    const employees: MeetingPackEmployee[] = [];
    for (let i = 0; i < reviews.length; i += CHUNK) {
      const chunk = reviews.slice(i, i + CHUNK);
      const [figures, rows] = await Promise.all([
        this.data.load(chunk.map((r) => r.contract_id)),
        reviewEmployeesOf(this.dataSource.manager, chunk.map((r) => r.id), at),
      ]);
      const contractOf = new Map(chunk.map((r) => [r.id, r.contract_id]));
      const order = new Map(chunk.map((r, index) => [r.id, index]));
      rows.sort((a, b) => order.get(a.review_id)! - order.get(b.review_id)!);
      for (const r of chunk) {
        const data = figures.get(r.contract_id)!;
        const counted = contractCompliance(data.contract, data.clauses, data.placements, at);
        const escalated = r.state === 'overdue' && r.due_on <= cutoff;
        contracts.push({
          contractId: r.contract_id,
          reviewId: r.id,
          tender: r.tender_title,
          supplier: r.supplier_name,
          cvr: r.cvr,
          lots: r.lots ?? [],
          hires: counted.hires,
          weeklyHours: counted.weeklyHours,
          status: counted.status,
          reviewState: (escalated ? 'escalated' : r.state) as MeetingPackReviewState,
          dueOn: r.due_on,
        });
      }
      for (const row of rows) {
        const endedBefore = row.placement_state === 'ended' && row.end_text !== null && row.end_text <= at;
        employees.push({
          contractId: contractOf.get(row.review_id)!,
          name: row.employee_name,
          jobTitle: row.job_title,
          partner: row.partner_name,
          startDate: row.start_text,
          weeklyHours: Number(row.hours_at_period_end),
          stillEmployed: row.still_employed ?? (endedBefore ? false : null),
          endDate: row.answered_end_text ?? (endedBefore ? row.end_text : null),
          endReason: row.answered_end_reason ?? (endedBefore ? row.end_reason : null),
          note: row.note,
        });
      }
      const named = rows.filter((row) => row.candidate_id && row.employee_name !== null).map((row) => row.candidate_id as string);
      await this.accessLog.recordMany(actor, { action: 'read-meeting-pack', subjectType: 'candidate', subjectIds: [...new Set(named)] });
    }
    return { period, at, contracts, employees };
  }
}
