import { Module } from '@nestjs/common';
import { IdentityModule } from '@klausul/identity';
import { CandidateService } from './candidates/candidate.service';
import { CandidatesController } from './candidates/candidates.controller';
import { JobcenterChannelService } from './channels/jobcenter-channel.service';
import { JobcenterChannelsController } from './channels/jobcenter-channels.controller';
import {
  CheckCandidatesAtDeadlineHandler,
  DispatchJobDescriptionHandler,
  RemindCandidatesDueHandler,
  SendShortlistHandler,
} from './job-orders/job-order.handlers';
import { JobOrderRepository } from './job-orders/job-order.repository';
import { JobOrderService } from './job-orders/job-order.service';
import { JobOrdersController } from './job-orders/job-orders.controller';
import { OpenJobOrdersService } from './job-orders/open-job-orders.service';
import { ContractEmployeesService } from './placements/contract-employees.service';
import { PlacementRepository } from './placements/placement.repository';
import { PlacementService } from './placements/placement.service';
import { CandidatePrivacyService } from './privacy/candidate-privacy.service';
import { CandidatePrivacyController } from './privacy/privacy.controller';
import { ApplyRetentionHandler } from './privacy/retention.handlers';
import { PlacementsController } from './placements/placements.controller';

/** Phase 2 routes: job orders, candidates, placements and the jobcenter's channels. */
@Module({
  imports: [IdentityModule],
  controllers: [JobOrdersController, CandidatesController, CandidatePrivacyController, PlacementsController, JobcenterChannelsController],
  providers: [
    JobOrderRepository, JobOrderService, CandidateService, CandidatePrivacyService, PlacementRepository, PlacementService, JobcenterChannelService,
    OpenJobOrdersService,
    ContractEmployeesService,
  ],
  // The web pages (libs/web) call the same services with the same actor.
  exports: [JobOrderService, CandidateService, PlacementService, OpenJobOrdersService, ContractEmployeesService, JobcenterChannelService],
})
export class MatchingApiModule {}

/** Phase 2 jobs. */
@Module({
  imports: [IdentityModule],
  providers: [
    DispatchJobDescriptionHandler, RemindCandidatesDueHandler, CheckCandidatesAtDeadlineHandler, SendShortlistHandler,
    CandidatePrivacyService, ApplyRetentionHandler,
  ],
})
export class MatchingWorkerModule {}
