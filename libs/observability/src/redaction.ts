/**
 * Fields that may hold disclosure text, names or contact details, removed from any log line that carries them
 * (at the top level or one object down). Log calls name ids and outcomes only; this is the net under that rule.
 */
const SENSITIVE_FIELDS = [
  'summary',
  'identifying',
  'contact',
  'subject',
  'sharedData',
  'name',
  'email',
  'phone',
  'address',
  'location',
  'ipAddress',
  'dateOfBirth',
  'notes',
  'note',
  'feedback',
  'reason',
  'concernSummary',
  'password',
  'args',
  'input',
  'result',
];

/** Secrets that travel in headers. */
const SENSITIVE_HEADERS = ['authorization', 'cookie', 'x-api-key', 'set-cookie'];

export const REDACTED_PATHS: string[] = [
  ...SENSITIVE_FIELDS,
  ...SENSITIVE_FIELDS.map((field) => `*.${field}`),
  ...SENSITIVE_HEADERS.flatMap((header) => [`req.headers["${header}"]`, `res.headers["${header}"]`]),
];

export const REDACTION_CENSOR = '[redacted]';
