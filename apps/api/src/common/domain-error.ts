/** Errors of the domain, with a stable string code; mapped to HTTP in one place (HttpErrorFilter). */
export const DOMAIN_ERROR_STATUS = {
  'CASE.NOT_FOUND': 404,
  'CASE.CLOSED': 409,
  'CASE.NOT_CURRENT_STEP': 409,
  'CASE.FORBIDDEN': 403,
  'CASE.INVALID': 400,
  'CASE.WORKFLOW_PENDING': 503,
  'CASE.WORKFLOW_NOT_RUNNING': 503,
  'WORKFLOW_ENGINE.UNAVAILABLE': 503,
  'INTAKE.IDEMPOTENCY_KEY_REUSED': 422,
  'STAFF.EXISTS': 409,
  'STAFF.NOT_FOUND': 404,
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
