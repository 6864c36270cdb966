import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { ContractComplianceModule } from '@klausul/contracts';
import { IdentityModule } from '@klausul/identity';
import { FollowUpDashboardRepository } from './compliance/follow-up-dashboard.repository';
import { FollowUpComplianceController } from './compliance/follow-up-compliance.controller';
import { FollowUpComplianceService } from './compliance/follow-up-compliance.service';
import { loadReviewLinkSigner, ReviewLinkSigner } from './links/review-link.signer';
import { ReviewLinksController } from './links/review-links.controller';
import { NextConfirmationService } from './reviews/next-confirmation.service';
import { ReviewConfirmationService } from './reviews/review-confirmation.service';
import { ReviewFormService } from './reviews/review-form.service';
import { ReviewRunCommand } from './reviews/review-run.command';
import { StartReviewRunHandler } from './reviews/start-review-run.handler';
import { ReviewRunService } from './reviews/review-run.service';
import { EscalateReviewHandler, RemindReviewHandler, ReviewDeadlineHandler, SendReviewRequestHandler } from './reviews/review.handlers';
import { ReviewService } from './reviews/review.service';
import { ReviewsController } from './reviews/reviews.controller';
import { CandidateService } from '@klausul/matching';
import { FollowUpSettingsController } from './settings/follow-up-settings.controller';
import { FollowUpSettingsService } from './settings/follow-up-settings.service';
import { UpskillingController } from './upskilling/upskilling.controller';
import { UpskillingService } from './upskilling/upskilling.service';
import { MeetingPackService } from './meeting-pack/meeting-pack.service';
import { ContractHistoryService } from './contracts-page/contract-history.service';

/** What API and worker share: the run and the link signer (one instance per process, so both sides use one secret). */
@Module({
  providers: [
    ReviewRunService,
    {
      provide: ReviewLinkSigner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('ReviewLinkSigner');
        return loadReviewLinkSigner(config, (message) => logger.warn(message));
      },
    },
  ],
  exports: [ReviewRunService, ReviewLinkSigner],
})
export class FollowupCoreModule {}

/** Phase 3 routes: reviews, the suppliers' links, compliance series, retention, the dashboard, upskilling programmes and the follow-up settings. */
@Module({
  imports: [IdentityModule, FollowupCoreModule, ContractComplianceModule],
  controllers: [ReviewsController, ReviewLinksController, FollowUpComplianceController, UpskillingController, FollowUpSettingsController],
  providers: [
    ReviewService,
    ReviewConfirmationService,
    ReviewFormService,
    ReviewRunCommand,
    FollowUpComplianceService,
    FollowUpDashboardRepository,
    UpskillingService,
    CandidateService,
    FollowUpSettingsService,
    NextConfirmationService,
    MeetingPackService,
    ContractHistoryService,
  ],
  // For the web pages (libs/web): the same services, with the same actor.
  exports: [
    NextConfirmationService, ReviewConfirmationService, ReviewFormService, ReviewService, FollowUpComplianceService, UpskillingService,
    FollowUpSettingsService, ReviewRunCommand, MeetingPackService, ContractHistoryService,
  ],
})
export class FollowupApiModule {}

/** Phase 3 jobs and the monthly job scheduler. */
@Module({
  imports: [FollowupCoreModule],
  providers: [StartReviewRunHandler, SendReviewRequestHandler, RemindReviewHandler, ReviewDeadlineHandler, EscalateReviewHandler],
})
export class FollowupWorkerModule {}
