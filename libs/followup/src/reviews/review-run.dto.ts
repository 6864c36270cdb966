import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery, type SortColumns, sortValues } from '@klausul/paging';

/** How the run list sorts (index review_run_list_period ends in (period, id)). */
export const REVIEW_RUN_SORTS = {
  period: { sql: 'rr.period', type: 'text' },
} as const satisfies SortColumns;

export class ReviewRunListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(REVIEW_RUN_SORTS), default: '-period' })
  @IsOptional()
  @IsIn(sortValues(REVIEW_RUN_SORTS), { message: `sort must be one of: ${sortValues(REVIEW_RUN_SORTS).join(', ')}` })
  sort?: string;
}

/** One month's run for the municipality: when it was due, when it ran, and whether that was late. */
export class ReviewRunView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2025-03', description: 'The month reviewed' }) period!: string;
  @ApiProperty({ enum: ['schedule', 'manual'] }) trigger!: 'schedule' | 'manual';
  @ApiProperty({ nullable: true, type: String, description: "When the municipality's schedule had it due (scheduled runs)" }) scheduledFor!: string | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ description: 'Ran more than an hour after it was due (e.g. no worker was running then); the caseworkers were told' }) late!: boolean;
  @ApiProperty() reviewsCreated!: number;
}

export interface ReviewRunRow {
  id: string;
  period: string;
  trigger: 'schedule' | 'manual';
  scheduled_for: Date | null;
  started_at: Date;
  late: boolean;
  reviews_created: number;
  page_key: string;
}

export function toReviewRunView(row: ReviewRunRow): ReviewRunView {
  return {
    id: row.id,
    period: row.period,
    trigger: row.trigger,
    scheduledFor: row.scheduled_for ? row.scheduled_for.toISOString() : null,
    startedAt: row.started_at.toISOString(),
    late: row.late,
    reviewsCreated: row.reviews_created,
  };
}
