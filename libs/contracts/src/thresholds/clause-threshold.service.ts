import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { type Actor, Clock } from '@klausul/domain';
import type { ClauseThresholdDto, ClauseThresholdView } from './clause-threshold.dto';

/** The thresholds above which a tender requires a clause: the municipality's own, else the configured defaults. */
@Injectable()
export class ClauseThresholdService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async effective(municipalityId: string, manager: EntityManager = this.dataSource.manager): Promise<ClauseThresholdView> {
    const [row] = await manager.query('SELECT min_duration_months, min_value_dkk FROM clause_threshold WHERE municipality_id = $1', [municipalityId]);
    if (!row) return { ...this.config.clauses.threshold, source: 'default' };
    return { minDurationMonths: row.min_duration_months, minValueDkk: Number(row.min_value_dkk), source: 'municipality' };
  }

  async set(actor: Actor, dto: ClauseThresholdDto): Promise<ClauseThresholdView> {
    await this.dataSource.query(
      `INSERT INTO clause_threshold (municipality_id, min_duration_months, min_value_dkk, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id) DO UPDATE SET
         min_duration_months = EXCLUDED.min_duration_months, min_value_dkk = EXCLUDED.min_value_dkk, updated_at = EXCLUDED.updated_at`,
      [actor.municipalityId, dto.minDurationMonths, dto.minValueDkk, this.clock.now()],
    );
    return this.effective(actor.municipalityId);
  }
}
