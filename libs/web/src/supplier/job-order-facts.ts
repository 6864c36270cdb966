import type { JobOrderView } from '@klausul/matching';
import type { Translate } from '../i18n/i18n';

/** A job description's fields as a facts list (supplier/macros.njk `facts`): the supplier's page and the unit's show the same. */
export function jobOrderFacts(order: JobOrderView, t: Translate) {
  const label = (field: string) => t(`supplier.jobOrder.fields.${field}`);
  return [
    { label: label('tasks'), value: order.tasks, lines: true },
    { label: label('positions'), value: order.positions, number: true },
    { label: label('weeklyHours'), value: order.weeklyHours, number: true },
    { label: label('shiftPattern'), value: t(`supplier.shifts.${order.shiftPattern}`) },
    { label: label('startDate'), value: order.startDate, date: true },
    { label: label('workplaceAddress'), value: order.workplaceAddress },
    { label: label('requirements'), value: order.requirements, lines: true },
    { label: label('learningOnTheJob'), value: order.learningOnTheJob, lines: true },
    { label: label('interviewContact'), value: order.interviewContact },
  ];
}
