import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@klausul/domain';
import { DEFAULT_REVIEW_RUN_TIME, DEFAULT_REVIEW_RUN_WORKING_DAY, type FollowUpSettingsDto } from './follow-up-settings.dto';

/** A municipality's follow-up settings: when its monthly run starts. */
@Injectable()
export class FollowUpSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(actor: Actor): Promise<FollowUpSettingsDto> {
    const [row] = await this.dataSource.query('SELECT review_run_working_day, review_run_time FROM follow_up_setting WHERE municipality_id = $1', [actor.municipalityId]);
    return {
      reviewRunWorkingDay: row?.review_run_working_day ?? DEFAULT_REVIEW_RUN_WORKING_DAY,
      reviewRunTime: row?.review_run_time ?? DEFAULT_REVIEW_RUN_TIME,
    };
  }

  /** Takes effect from the next run: a month that has already run does not run again. */
  async update(actor: Actor, dto: FollowUpSettingsDto): Promise<FollowUpSettingsDto> {
    await this.dataSource.query(
      `INSERT INTO follow_up_setting (municipality_id, review_run_working_day, review_run_time) VALUES ($1, $2, $3)
       ON CONFLICT (municipality_id) DO UPDATE SET review_run_working_day = EXCLUDED.review_run_working_day,
         review_run_time = EXCLUDED.review_run_time, updated_at = now()`,
      [actor.municipalityId, dto.reviewRunWorkingDay, dto.reviewRunTime],
    );
    return this.get(actor);
  }
}
