import { Injectable } from '@nestjs/common';
import { type Actor, Clock } from '@klausul/domain';
import { numberOrNull } from '../common/rows';
import { YearFiguresService } from '../compliance/year-figures.service';
import type { SetTargetsDto, TargetsView } from './target.dto';
import { TargetRepository } from './target.repository';

/** The municipality's targets (måltal) for a year and how far it has come. */
@Injectable()
export class TargetsService {
  constructor(
    private readonly targets: TargetRepository,
    private readonly years: YearFiguresService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, year: number): Promise<TargetsView> {
    const [row, progress, figures] = await Promise.all([
      this.targets.find(actor.municipalityId, year),
      this.targets.progress(actor.municipalityId, year),
      this.years.totals(actor.municipalityId, year),
    ]);
    // Hires under clauses: counted toward a clause on the year's counting date (the dashboard's figure).
    const hires = figures.hires.actual;
    const targets = { clauseShare: numberOrNull(row?.clause_share), hiresUnderClauses: row?.hires_under_clauses ?? null };
    const clauseShare = progress.eligible > 0 ? progress.withClause / progress.eligible : null;
    return {
      year,
      targets,
      progress: { eligibleTenders: progress.eligible, tendersWithClause: progress.withClause, clauseShare, hiresUnderClauses: hires, countedOn: figures.at },
      met: {
        clauseShare: targets.clauseShare === null ? null : (clauseShare ?? 0) >= targets.clauseShare,
        hiresUnderClauses: targets.hiresUnderClauses === null ? null : hires >= targets.hiresUnderClauses,
      },
    };
  }

  async set(actor: Actor, year: number, dto: SetTargetsDto): Promise<TargetsView> {
    await this.targets.upsert({
      municipalityId: actor.municipalityId,
      year,
      clauseShare: dto.clauseShare ?? null,
      hiresUnderClauses: dto.hiresUnderClauses ?? null,
      by: actor.userId,
      now: this.clock.now(),
    });
    return this.get(actor, year);
  }
}
