import { candidateBody, jobOrderBody } from '../../support/matching.fixtures';
import type { ReferenceCase } from './reference-case.seed';

/** The reference case's 16 hires (DOMAIN.md): 186 hours a week on a 13 x 10 h = 130 h clause. */
export const REFERENCE_HOURS = [10, 10, 10, 10, 10, 12, 12, 12, 12, 12, 12, 12, 12, 14, 14, 12] as const;

export { candidateBody, jobOrderBody };

export interface JobOrderRef {
  id: string;
  title: string;
  state: string;
  version: number;
}

interface CandidateRef {
  id: string;
  name: string;
  state: string;
}

/** The supplier drafts a job description on its contract and submits it; procurement forwards it to the jobcenter. */
export async function forwardedJobOrder(rc: ReferenceCase, overrides: Record<string, unknown> = {}): Promise<JobOrderRef> {
  const draft = await rc.clients.hr.post<JobOrderRef>(`/contracts/${rc.contract.id}/job-orders`, jobOrderBody(overrides));
  await rc.clients.hr.post(`/job-orders/${draft.id}/submit`);
  return rc.clients.procurement.post<JobOrderRef>(`/job-orders/${draft.id}/forward`);
}

/** The jobcenter proposes `count` candidates with PDF CVs (names "Kandidat 1".. unless `name` is given). */
export async function proposeCandidates(
  rc: ReferenceCase,
  jobOrderId: string,
  count: number,
  overrides: (i: number) => Record<string, unknown> = () => ({}),
): Promise<CandidateRef[]> {
  const proposed: CandidateRef[] = [];
  for (let i = 1; i <= count; i++) {
    proposed.push(await rc.clients.jobcenter.post<CandidateRef>(`/job-orders/${jobOrderId}/candidates`, candidateBody(i, overrides(i))));
  }
  return proposed;
}

/** The unit shortlists the candidates and releases the shortlist to the supplier (the supplier is mailed). */
export async function releaseShortlist(rc: ReferenceCase, jobOrderId: string, candidateIds: readonly string[]): Promise<void> {
  for (const id of candidateIds) await rc.clients.employment.post(`/candidates/${id}/shortlist`);
  await rc.clients.employment.post(`/job-orders/${jobOrderId}/send-shortlist`);
}

/** The supplier records an interview and hires; returns the placement's id. */
export async function hire(
  rc: ReferenceCase,
  candidateId: string,
  fields: { startDate?: string; weeklyHours: number; throughPartner?: boolean; interviewOn?: string },
): Promise<string> {
  const startDate = fields.startDate ?? rc.contract.startDate;
  await rc.clients.hr.post(`/candidates/${candidateId}/interview`, { interviewOn: fields.interviewOn ?? startDate });
  const hired = await rc.clients.hr.post<{ placementId: string }>(`/candidates/${candidateId}/hire`, {
    startDate,
    weeklyHours: fields.weeklyHours,
    employmentForm: 'flexjob',
    ...(fields.throughPartner ? { partnerId: rc.contract.partnerId } : {}),
  });
  return hired.placementId;
}

/**
 * Phase 2 of the reference case by REST: a forwarded job description, 18 candidates
 * shortlisted and released, 16 hired at REFERENCE_HOURS (186 h/week; the first three
 * through FlexVirk) from the contract's start. For tests of what comes after the hires.
 */
export async function hireReferenceCase(rc: ReferenceCase): Promise<{ jobOrder: JobOrderRef; placementIds: string[] }> {
  const jobOrder = await forwardedJobOrder(rc);
  const candidates = await proposeCandidates(rc, jobOrder.id, 18);
  await releaseShortlist(rc, jobOrder.id, candidates.map((c) => c.id));
  const placementIds: string[] = [];
  for (const [i, weeklyHours] of REFERENCE_HOURS.entries()) {
    placementIds.push(await hire(rc, candidates[i].id, { weeklyHours, throughPartner: i < 3 }));
  }
  return { jobOrder, placementIds };
}

/** An admin starts the monthly review run for a month that has ended (YYYY-MM); the HR contacts are mailed their links. */
export function runMonthlyReviews(rc: ReferenceCase, period: string) {
  return rc.clients.admin.post<{ period: string; reviewsCreated: number; requestsQueued: number }>('/reviews/runs', { period });
}
