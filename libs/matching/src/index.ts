export * from './job-orders/job-order.deadlines';
export * from './job-orders/job-order.service';
export * from './job-orders/job-order.workflow';
export * from './matching.module';
export * from './candidates/candidate.service';
export * from './candidates/candidate.workflow';
export * from './placements/placement.service';
export * from './placements/placement.workflow';
