import { copenhagenInstant } from '@klausul/domain';
import { candidateDeadlines } from './job-order.deadlines';

describe('candidate deadlines', () => {
  it('turns Copenhagen wall-clock times into instants, summer and winter', () => {
    expect(copenhagenInstant('2026-07-01', 8).toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(copenhagenInstant('2026-12-01', 16).toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });

  it('gives the jobcenter 10 working days, skipping weekends and Easter', () => {
    // Forwarded Monday 23 March 2026; Easter 2-6 April (Skærtorsdag, Langfredag, 2. påskedag) is not counted.
    const deadlines = candidateDeadlines(new Date('2026-03-23T10:00:00Z'));
    expect(deadlines.dueOn).toBe('2026-04-09');
    expect(deadlines.remindAt.toISOString()).toBe('2026-04-07T06:00:00.000Z');
    expect(deadlines.deadlineAt.toISOString()).toBe('2026-04-09T14:00:00.000Z');
  });
});
