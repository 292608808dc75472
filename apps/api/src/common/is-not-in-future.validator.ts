import { registerDecorator, ValidationOptions } from 'class-validator';

/** Clocks drift: a few minutes ahead is accepted, a disclosure from tomorrow is not. */
const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

export function IsNotInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotInFuture',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must not be in the future`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !(Date.parse(value) > Date.now() + ALLOWED_CLOCK_SKEW_MS),
      },
    });
}
