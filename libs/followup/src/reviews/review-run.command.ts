import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, Clock, copenhagenDateOf, InvalidInputError } from '@klausul/domain';
import { periodOf } from './review-period';
import { type ReviewRunResult, ReviewRunService } from './review-run.service';

/** An admin's manual run: the scheduled run's code path, limited to the admin's municipality, in one transaction. */
@Injectable()
export class ReviewRunCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: ReviewRunService,
    private readonly clock: Clock,
  ) {}

  async run(actor: Actor, period: string): Promise<ReviewRunResult> {
    const now = this.clock.now();
    // A supplier confirms who was employed through the whole month, so only a month that has ended (in Copenhagen) can be run.
    const current = periodOf(copenhagenDateOf(now));
    if (period >= current) {
      throw new InvalidInputError(`period must be a month that has ended (before ${current}); ${period} has not`, { fields: ['period'] });
    }
    const result = await this.dataSource.transaction((manager) =>
      this.runs.run(manager, period, now, { municipalityIds: [actor.municipalityId], trigger: 'manual' }),
    );
    return { period: result.period, reviewsCreated: result.reviewsCreated, placementChecksCreated: result.placementChecksCreated, requestsQueued: result.requestsQueued };
  }
}
