import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MessageService } from '@klausul/messaging';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { runCalendar } from './review-period';
import { caseworkersOf, type DueReviewRun, dueReviewRuns } from './review-run.queries';
import { type RecordedRun, ReviewRunService } from './review-run.service';

/**
 * The monthly run, per municipality (schedule in libs/queue's job-schedules: every quarter
 * of an hour). Each tick runs, for every municipality whose own run time has passed, the
 * latest period that has not run for it yet: on time when a worker is up then, otherwise at
 * the first tick after (a catch-up, recorded as late, and the unit's caseworkers are told).
 * Idempotent besides: reviews, requests and the run record are unique per period.
 */
@HandlesJob('start-review-run')
export class StartReviewRunHandler implements JobHandler<'start-review-run'> {
  private readonly logger = new Logger(StartReviewRunHandler.name);

  constructor(
    private readonly runs: ReviewRunService,
    private readonly messages: MessageService,
  ) {}

  async handle(_data: JobData<'start-review-run'>, { manager, now }: JobContext): Promise<void> {
    const calendar = runCalendar(now);
    // Most ticks owe nothing: find out without locking; then lock and ask again, as another worker may have run it meanwhile.
    if ((await dueReviewRuns(manager, calendar, now)).length === 0) return;
    for (const period of [...new Set(calendar.map((day) => day.period))].sort()) await this.runs.lockPeriod(manager, period);
    const due = await dueReviewRuns(manager, calendar, now);
    for (const [period, runs] of groupByPeriod(due)) {
      const result = await this.runs.run(manager, period, now, {
        municipalityIds: runs.map((r) => r.municipalityId),
        trigger: 'schedule',
        scheduledFor: new Map(runs.map((r) => [r.municipalityId, r.dueAt])),
      });
      const late = result.runs.filter((run) => run.late);
      await this.tellLate(manager, period, late, new Map(runs.map((r) => [r.municipalityId, r.dueAt])), now);
      this.logger.log(
        `review run ${period}: ${result.runs.length} municipalities (${late.length} late), ${result.reviewsCreated} reviews, ${result.requestsQueued} supplier requests`,
      );
    }
  }

  /** One e-mail per caseworker of a municipality whose run was late and created reviews (a month with nothing to review kept no one waiting). */
  private async tellLate(manager: EntityManager, period: string, late: RecordedRun[], dueAt: Map<string, Date>, now: Date): Promise<void> {
    const told = late.filter((run) => run.reviewsCreated > 0);
    if (told.length === 0) return;
    const runOf = new Map(told.map((run) => [run.municipalityId, run]));
    const recipients = await caseworkersOf(manager, told.map((run) => run.municipalityId));
    await this.messages.compose(
      manager,
      recipients.map(({ municipality_id, email }) => {
        const run = runOf.get(municipality_id)!;
        return {
          municipalityId: municipality_id,
          template: 'review-run-late' as const,
          recipient: email,
          data: { period, dueAt: dueAt.get(municipality_id)!, startedAt: now, reviewsCreated: run.reviewsCreated },
          related: { type: 'review_run', id: run.id },
        };
      }),
    );
  }
}

function groupByPeriod(due: readonly DueReviewRun[]): Map<string, DueReviewRun[]> {
  const byPeriod = new Map<string, DueReviewRun[]>();
  for (const run of [...due].sort((a, b) => a.period.localeCompare(b.period))) byPeriod.set(run.period, [...(byPeriod.get(run.period) ?? []), run]);
  return byPeriod;
}
