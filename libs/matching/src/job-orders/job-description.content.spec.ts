import { type JobDescriptionSource, jobDescriptionMail, jobDescriptionWebhook } from './job-description.content';

const order: JobDescriptionSource = {
  id: 'b5c1f0de-0000-4000-8000-000000000001',
  title: 'Chauffør til visiteret kørsel',
  tasks: 'Kørsel af borgere',
  weekly_hours: '12.5',
  shift_pattern: 'morning',
  workplace_address: 'Vestergade 1, 5000 Odense C',
  start_date: '2026-02-02',
  positions: 16,
  requirements: 'Kørekort B',
  learning_on_the_job: 'Førstehjælp',
  interview_contact: 'Hanne, 12345678',
  candidates_due_on: '2026-01-15',
  supplier_name: 'Fynsk Rutekørsel A/S',
};

describe('the forwarded job description', () => {
  it('the webhook carries every fact of the e-mail, the supplier as `supplier`, and the link', () => {
    const mail = jobDescriptionMail(order);
    const { supplierName, ...facts } = mail;
    expect(mail.weeklyHours).toBe(12.5);
    expect(jobDescriptionWebhook(order, 'https://klausul.example/jobcenter/job-orders/1')).toEqual({
      type: 'job-description',
      ...facts,
      supplier: supplierName,
      link: 'https://klausul.example/jobcenter/job-orders/1',
    });
    expect(Object.keys(facts)).toHaveLength(12);
  });
});
