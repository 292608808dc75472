import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoDateTime } from '@sg/policy';

/**
 * A full ISO-8601 date-time with a time zone (2026-11-20T21:15:00Z), parsed the way the policy engine parses it.
 * Stricter than IsISO8601, which also takes week and ordinal dates that are not instants.
 */
export function IsIsoDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be an ISO-8601 date-time with a time zone, e.g. 2026-11-20T21:15:00Z`,
        ...options,
      },
      validator: { validate: (value: unknown) => isIsoDateTime(value) },
    });
}
