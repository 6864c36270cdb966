/** The job description as the jobcenter receives it: Danish text, HTML and JSON from one source. */
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

const SHIFT_DA: Record<string, string> = {
  morning: 'morgen',
  afternoon: 'eftermiddag',
  split: 'delt vagt (morgen og eftermiddag)',
  full_day: 'hel dag',
  flexible: 'fleksibel',
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function jobDescriptionContent(order: JobDescriptionSource, link: string) {
  const facts: [string, string][] = [
    ['Leverandør', order.supplier_name],
    ['Arbejdsopgaver', order.tasks],
    ['Timer pr. uge', String(Number(order.weekly_hours)).replace('.', ',')],
    ['Vagter', SHIFT_DA[order.shift_pattern] ?? order.shift_pattern],
    ['Arbejdssted', order.workplace_address],
    ['Tiltrædelse', order.start_date],
    ['Antal stillinger', String(order.positions)],
    ['Krav', order.requirements || '-'],
    ['Det kan man lære i jobbet', order.learning_on_the_job || '-'],
    ['Kontakt om samtaler', order.interview_contact],
    ['Kandidater senest', order.candidates_due_on ?? '-'],
  ];
  const subject = `Stillingsbeskrivelse: ${order.title} (${order.supplier_name})`;
  const text = [
    `${order.title}`,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    `Se stillingsbeskrivelsen og foreslå kandidater: ${link}`,
  ].join('\n');
  const html = [
    `<h1>${escapeHtml(order.title)}</h1>`,
    '<dl>',
    ...facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`),
    '</dl>',
    `<p><a href="${escapeHtml(link)}">Se stillingsbeskrivelsen og foreslå kandidater</a></p>`,
  ].join('\n');
  const json = {
    type: 'job-description',
    jobOrderId: order.id,
    title: order.title,
    supplier: order.supplier_name,
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
    link,
  };
  return { subject, text, html, json };
}
