import { checkHandlers, JobHandlerMismatchError } from './job-handler.registry';
import { jobNames } from './job-catalog';

const oneEach = () => new Map(jobNames.map((name) => [name as string, [`${name}-handler`]]));

describe('checkHandlers', () => {
  it('accepts exactly one handler per job name', () => {
    expect(() => checkHandlers(oneEach())).not.toThrow();
  });

  it('refuses a job name without a handler', () => {
    const found = oneEach();
    found.delete(jobNames[0]);
    expect(() => checkHandlers(found)).toThrow(new RegExp(`job ${jobNames[0]} has no handler`));
  });

  it('refuses a job name with two handlers, naming both', () => {
    const found = oneEach();
    found.set(jobNames[0], ['FirstHandler', 'SecondHandler']);
    expect(() => checkHandlers(found)).toThrow(/has 2 handlers \(FirstHandler, SecondHandler\)/);
  });

  it('refuses a handler for a job that is not in the catalog', () => {
    const found = oneEach();
    found.set('send-fax', ['FaxHandler']);
    expect(() => checkHandlers(found)).toThrow(JobHandlerMismatchError);
  });
});
