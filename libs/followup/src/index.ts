export * from './followup.module';
export * from './links/review-link.signer';
export * from './reviews/review-period';
export * from './reviews/review-run.service';
export * from './reviews/review.workflow';
export * from './upskilling/upskilling-participant.workflow';
