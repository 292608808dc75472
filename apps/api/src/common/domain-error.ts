/** Errors of the domain, with a stable string code; mapped to HTTP in one place (HttpErrorFilter). */
export const DOMAIN_ERROR_STATUS = {
  'CASE.NOT_FOUND': 404,
  'INTAKE.IDEMPOTENCY_KEY_REUSED': 422,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}
