import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, Clock } from '@klausul/domain';
import { type ReviewRunResult, ReviewRunService } from './review-run.service';

/** An admin's manual run: the scheduled run's code path, limited to the admin's municipality, in one transaction. */
@Injectable()
export class ReviewRunCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: ReviewRunService,
    private readonly clock: Clock,
  ) {}

  run(actor: Actor, period: string): Promise<ReviewRunResult> {
    return this.dataSource.transaction((manager) => this.runs.run(manager, period, this.clock.now(), actor.municipalityId));
  }
}
