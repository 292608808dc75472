import { ValidationPipe } from '@nestjs/common';
import { badRequest, toFieldErrors } from './field-errors';

/** The one validation pipe: unknown fields are refused, types are never coerced, every problem is named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badRequest(toFieldErrors(errors)),
  });
}
