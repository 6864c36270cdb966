export * from './job-orders/job-order.deadlines';
export * from './job-orders/job-order.service';
export * from './job-orders/job-order.workflow';
export * from './matching.module';
export * from './candidates/candidate.service';
export * from './candidates/candidate.workflow';
export * from './placements/placement.service';
export * from './placements/placement.workflow';
export * from './privacy/candidate-privacy.service';
export { ProposeCandidateDto } from './candidates/candidate.dto';
// What the web pages show and offer (libs/web): the views, and the choices of the propose form.
export { SHIFT_PATTERNS, type JobOrderView } from './job-orders/job-order.dto';
export { TARGET_GROUPS } from './candidates/candidate.dto';
export type { CandidateView } from './candidates/candidate.view';
// The supplier's pages (libs/web/src/supplier): the forms' DTOs and choices, and the open job descriptions.
export { CreateJobOrderDto, JobOrderEventDto } from './job-orders/job-order.dto';
export { EMPLOYMENT_FORMS, HireDto, InterviewDto, REJECTION_REASONS, RejectDto } from './candidates/candidate.dto';
export { OPEN_JOB_ORDER_STATES, OpenJobOrdersService } from './job-orders/open-job-orders.service';
// The supplier's employees and monthly pages (libs/web/src/monthly).
export { ChangeHoursDto, EndPlacementDto, PlacementListQuery, type ContractPlacementView } from './placements/placement.dto';
export { ContractEmployeesService, type EmployeesContract } from './placements/contract-employees.service';
// The unit's workspace (libs/web/src/unit).
export { JobcenterChannelService } from './channels/jobcenter-channel.service';
// The unit's administration pages (libs/web/src/unit/admin).
export { ChannelTestView, CreateJobcenterChannelDto, JobcenterChannelView, MatchingSettingsDto } from './channels/jobcenter-channel.dto';
// The unit's job description and candidate pages (libs/web/src/unit/job-orders, unit/candidates).
export { ForwardJobOrderDto, JobOrderListQuery, ReturnJobOrderDto } from './job-orders/job-order.dto';
export { CandidateEventDto, DeclineCandidateDto } from './candidates/candidate.dto';
