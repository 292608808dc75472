/** Errors of the domain, with a stable string code; mapped to HTTP in one place (HttpErrorFilter). */
export const DOMAIN_ERROR_STATUS = {
  'CASE.NOT_FOUND': 404,
  'CASE.CLOSED': 409,
  'CASE.NOT_CURRENT_STEP': 409,
  'CASE.FORBIDDEN': 403,
  'CASE.INVALID': 400,
  'CASE.WORKFLOW_PENDING': 503,
  'CASE.WORKFLOW_NOT_RUNNING': 503,
  // an operator's resume (docs/operations.md)
  'CASE.WORKFLOW_RUNNING': 409,
  'CASE.RESUME_INCONSISTENT': 409,
  'WORKFLOW_ENGINE.UNAVAILABLE': 503,
  'INTAKE.IDEMPOTENCY_KEY_REUSED': 422,
  'STAFF.EXISTS': 409,
  'STAFF.NOT_FOUND': 404,
  // Staff accounts and sign-in (apps/api/src/auth, docs/accounts.md)
  'STAFF.ROLES_CONFLICT': 400,
  'STAFF.SELF_CHANGE': 403,
  'AUTH.NOT_AUTHENTICATED': 401,
  'AUTH.INVALID_API_KEY': 401,
  'AUTH.INVALID_TOKEN': 401,
  'AUTH.ACCOUNT_DISABLED': 401,
  'AUTH.TOKEN_REVOKED': 401,
  'AUTH.MFA_REQUIRED': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.INVALID_CODE': 401,
  'AUTH.CODE_REUSED': 401,
  'AUTH.WRONG_PASSWORD': 403,
  'AUTH.FORBIDDEN': 403,
  'AUTH.ENDPOINT_CLOSED': 403,
  'AUTH.MFA_ALREADY_ENROLLED': 409,
  'AUTH.MFA_NOT_STARTED': 409,
  'AUTH.PASSWORD_UNCHANGED': 400,
  'AUTH.THROTTLED': 429,
  'AUTH.BUSY': 503,
  // the console's cookie session (docs/console.md)
  'AUTH.SESSION_ENDED': 401,
  'AUTH.STAFF_ONLY': 403,
  CSRF: 403,
  'EVENTS.UNAVAILABLE': 503,
  // routes, rota and paging (docs/paging.md)
  'REFERRAL.NO_ROUTE': 400,
  'CONTACTS.FORBIDDEN': 403,
  'CONTACTS.INVALID': 400,
  'ROTA.INVALID': 400,
  'ROTA.OVERLAP': 409,
  'ROTA.NOT_FOUND': 404,
  'ROTA.SHIFT_ENDED': 409,
  // the database's checkpoints no longer reproduce a published tree head (docs/audit.md)
  'AUDIT.TREE_INCONSISTENT': 409,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Sent as Retry-After: when the caller may try again (throttled or busy). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
