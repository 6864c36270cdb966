import { type MiddlewareConsumer, Module, type NestModule, type Type } from '@nestjs/common';
import { ContractsApiModule } from '@klausul/contracts';
import { FollowupApiModule } from '@klausul/followup';
import { IdentityModule } from '@klausul/identity';
import { MatchingApiModule } from '@klausul/matching';
import { ChangePasswordPagesController } from './account/change-password.controller';
import { InvitationPagesController } from './account/invitation.controller';
import { LoginPagesController } from './account/login.controller';
import { JobcenterPagesController } from './jobcenter/jobcenter-pages.controller';
import { ProposeCandidateController } from './jobcenter/propose-candidate.controller';
import { PasswordResetPagesController } from './account/password-reset.controller';
import { ContractEmployeesPagesController } from './monthly/contract-employees-pages.controller';
import { ReviewLinkPagesController } from './monthly/review-link-pages.controller';
import { SupplierReviewPagesController } from './monthly/supplier-review-pages.controller';
import { PublicPagesController } from './public/public.controller';
import { FormCsrfMiddleware } from './setup/form-csrf.middleware';
import { SupplierCandidatesController } from './supplier/supplier-candidates.controller';
import { SupplierJobOrdersController } from './supplier/supplier-job-orders.controller';
import { SupplierStartController } from './supplier/supplier-start.controller';
import { UNIT_CONTROLLERS } from './unit/controllers';

/** Every web UI controller; each is marked @WebForms() and served outside the API prefix. */
export const WEB_CONTROLLERS: Type[] = [
  PublicPagesController,
  LoginPagesController,
  InvitationPagesController,
  PasswordResetPagesController,
  ChangePasswordPagesController,
  ...UNIT_CONTROLLERS,
  JobcenterPagesController,
  ProposeCandidateController,
  ReviewLinkPagesController,
  SupplierReviewPagesController,
  ContractEmployeesPagesController,
  SupplierStartController,
  SupplierJobOrdersController,
  SupplierCandidatesController,
];

/** The web UI: server-rendered DKFDS pages in the API process (same services, same actor). */
@Module({
  imports: [IdentityModule, ContractsApiModule, MatchingApiModule, FollowupApiModule],
  controllers: WEB_CONTROLLERS,
  providers: [FormCsrfMiddleware],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FormCsrfMiddleware).forRoutes(...WEB_CONTROLLERS);
  }
}
