import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** A person's weekly hours: a Danish full-time week (37 hours) at most. */
export const MAX_WEEKLY_HOURS = 37;

/**
 * Above 0, at most 37, in hundredths at most. Checked on the number itself: class-validator's
 * `maxDecimalPlaces` reads the number's text and throws on exponent notation (1e-9).
 */
export function isWeeklyHours(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_WEEKLY_HOURS && Number(value.toFixed(2)) === value;
}

/** The one rule for every field holding a person's weekly hours (job orders, candidates, hires, changes, monthly confirmations). */
export function IsWeeklyHours(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWeeklyHours',
      validator: {
        validate: isWeeklyHours,
        defaultMessage: buildMessage((each) => `${each}$property must be weekly hours above 0 and at most ${MAX_WEEKLY_HOURS}, with at most 2 decimals`, options),
      },
    },
    options,
  );
}
