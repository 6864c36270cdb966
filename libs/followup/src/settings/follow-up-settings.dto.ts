import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { MAX_REVIEW_RUN_WORKING_DAY } from '../reviews/review-period';

/** Without a setting of its own, a municipality's monthly run is at 08:00 on the month's first working day (Copenhagen). */
export const DEFAULT_REVIEW_RUN_WORKING_DAY = 1;
export const DEFAULT_REVIEW_RUN_TIME = '08:00';

export class FollowUpSettingsDto {
  @ApiProperty({ minimum: 1, maximum: MAX_REVIEW_RUN_WORKING_DAY, example: 1, description: "The month's working day (Danish, weekends and public holidays skipped) the monthly run starts on" })
  @IsInt({ message: 'reviewRunWorkingDay must be a whole number from 1 to 10' })
  @Min(1, { message: 'reviewRunWorkingDay must be a whole number from 1 to 10' })
  @Max(MAX_REVIEW_RUN_WORKING_DAY, { message: 'reviewRunWorkingDay must be a whole number from 1 to 10' })
  reviewRunWorkingDay!: number;

  @ApiProperty({ example: '08:00', description: 'The time of day (Copenhagen, HH:MM, 24-hour) the run starts; it starts within 15 minutes after' })
  @IsString({ message: 'reviewRunTime must be a time of day, HH:MM (00:00-23:59)' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'reviewRunTime must be a time of day, HH:MM (00:00-23:59)' })
  reviewRunTime!: string;
}
