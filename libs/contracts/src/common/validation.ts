import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { compareDates, isCalendarDate } from '@klausul/domain';

/** Trims a string input; anything else is left for the type validators to refuse. */
export const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims every string of a string array. */
export const TrimmedEach = () =>
  Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

function rule(
  name: string,
  message: (args: ValidationArguments) => string,
  validate: (value: unknown, args: ValidationArguments) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate },
    });
}

/** A real calendar date written YYYY-MM-DD, in years 1900-2999 (deadlines computed from it stay valid dates). */
export const IsCalendarDate = (options?: ValidationOptions) =>
  rule(
    'isCalendarDate',
    (a) => `${a.property} must be a date written YYYY-MM-DD (years 1900-2999)`,
    (value) => isCalendarDate(value) && value >= '1900-01-01' && value < '3000-01-01',
    options,
  );

/** A date strictly after another date property of the same object (skipped while either is not a date). */
export const IsAfterDate = (other: string) =>
  rule(
    'isAfterDate',
    (a) => `${a.property} must be after ${other}`,
    (value, a) => {
      const before = (a.object as Record<string, unknown>)[other];
      return !isCalendarDate(value) || !isCalendarDate(before) || compareDates(value, before) > 0;
    },
  );

/** A number not below another number property of the same object (skipped while either is missing). */
export const IsNotBelow = (other: string) =>
  rule(
    'isNotBelow',
    (a) => `${a.property} must not be less than ${other}`,
    (value, a) => {
      const floor = (a.object as Record<string, unknown>)[other];
      return typeof value !== 'number' || typeof floor !== 'number' || value >= floor;
    },
  );

/** An array of objects in which `key` never repeats. */
export const UniqueBy = (key: string) =>
  rule(
    'uniqueBy',
    (a) => `${a.property} must not repeat a ${key}`,
    (value) => {
      if (!Array.isArray(value)) return true;
      const keys = value.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : item));
      return new Set(keys).size === keys.length;
    },
  );
