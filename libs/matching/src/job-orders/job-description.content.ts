import type { JobDescriptionData } from '@klausul/messaging';

/** A job order row as the forwarding handler loads it (job_order joined with its supplier's name). */
export interface JobDescriptionSource {
  id: string;
  title: string;
  tasks: string;
  weekly_hours: string | number;
  shift_pattern: string;
  workplace_address: string;
  start_date: string;
  positions: number;
  requirements: string;
  learning_on_the_job: string;
  interview_contact: string;
  candidates_due_on: string | null;
  supplier_name: string;
}

/** The data of the `job-description` e-mail (the template renders the Danish text and HTML). */
export function jobDescriptionMail(order: JobDescriptionSource): JobDescriptionData {
  return {
    jobOrderId: order.id,
    title: order.title,
    supplierName: order.supplier_name,
    tasks: order.tasks,
    weeklyHours: Number(order.weekly_hours),
    shiftPattern: order.shift_pattern,
    workplaceAddress: order.workplace_address,
    startDate: order.start_date,
    positions: order.positions,
    requirements: order.requirements,
    learningOnTheJob: order.learning_on_the_job,
    interviewContact: order.interview_contact,
    candidatesDueOn: order.candidates_due_on,
  };
}

/**
 * The body's `data` of the `job-description.forwarded` webhook: the e-mail's facts as JSON
 * (built from the same data, so the two cannot drift apart), the supplier as `supplier`,
 * and the page of the job order in the jobcenter's inbox.
 */
export function jobDescriptionWebhook(order: JobDescriptionSource, link: string) {
  const { supplierName, ...facts } = jobDescriptionMail(order);
  return { type: 'job-description' as const, ...facts, supplier: supplierName, link };
}
