export * from './followup.module';
export * from './links/review-link.signer';
export * from './reviews/review-period';
export * from './reviews/review-confirmation.service';
export * from './reviews/review-form.service';
export { ReviewConfirmationDto } from './reviews/review.dto';
export type { ReviewView } from './reviews/review.dto';
export * from './reviews/review-run.service';
export * from './reviews/review.workflow';
export * from './upskilling/upskilling-participant.workflow';
export * from './reviews/next-confirmation';
export { NextConfirmationService } from './reviews/next-confirmation.service';
// The unit's workspace (libs/web/src/unit): the same services the REST API calls.
export { ReviewService } from './reviews/review.service';
export { ReviewRunCommand } from './reviews/review-run.command';
export { FollowUpComplianceService } from './compliance/follow-up-compliance.service';
export { UpskillingService } from './upskilling/upskilling.service';
export { FollowUpSettingsService } from './settings/follow-up-settings.service';
export * from './contracts-page';
// The unit's settings page (libs/web/src/unit/admin).
export { FollowUpSettingsDto } from './settings/follow-up-settings.dto';
export type { SeriesPeriod } from './compliance/follow-up-compliance.service';
export type { RetentionPoint } from './compliance/follow-up-status';
export { ConcludeReviewDto, ReviewListQuery, REVIEW_SORTS } from './reviews/review.dto';
export type { ReviewStateCounts } from './reviews/review.service';
export * from './meeting-pack';
// The unit's upskilling pages (libs/web/src/unit/upskilling).
export { CompleteParticipantDto, CreateProgrammeDto, DropOutParticipantDto, EnrolParticipantDto, ProposeParticipantDto, type ParticipantView, type ProgrammeView } from './upskilling/upskilling.dto';
export { ReviewRunDto } from './reviews/review.dto';
