import { parse, toSeconds } from 'iso8601-duration';
import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Milliseconds in an ISO-8601 duration such as PT5M, P7D or PT0.5S. Years and months are refused: their
 * length depends on the calendar, and a safeguarding deadline must mean the same thing every time.
 */
export function durationMs(iso: string): number {
  const parsed = parse(iso);
  if (parsed.years || parsed.months)
    throw new Error(`${iso}: use days, hours, minutes or seconds, not years or months`);
  const ms = Math.round(toSeconds(parsed) * 1000);
  if (!(ms > 0)) throw new Error(`${iso}: must be longer than zero`);
  return ms;
}

export function isDuration(value: unknown): boolean {
  try {
    return typeof value === 'string' && durationMs(value) > 0;
  } catch {
    return false;
  }
}

export function IsIsoDuration(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDuration',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be a positive ISO-8601 duration in days, hours, minutes or seconds (e.g. PT5M)`,
        ...options,
      },
      validator: { validate: isDuration },
    });
}
