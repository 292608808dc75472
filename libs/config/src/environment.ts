import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { IsIsoDuration } from './duration';

/** Every environment variable the services read, checked once at boot so a typo fails fast. */
export class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsOptional()
  @IsString()
  TEMPORAL_ADDRESS: string = 'localhost:7233';

  @IsOptional()
  @IsString()
  TEMPORAL_NAMESPACE: string = 'default';

  @IsOptional()
  @IsString()
  TEMPORAL_TASK_QUEUE: string = 'safeguarding-cases';

  /** How often the API retries starting workflows for cases accepted while Temporal was unreachable. */
  @IsOptional()
  @IsInt()
  @Min(100)
  WORKFLOW_START_RETRY_MS: number = 5000;

  // Lifecycle delays (SPEC §3a), ISO-8601. A review deadline is also its escalation interval.
  @IsOptional() @IsIsoDuration() REVIEW_DEADLINE_EMERGENCY: string = 'PT5M';
  @IsOptional() @IsIsoDuration() REVIEW_DEADLINE_NON_EMERGENCY: string = 'PT24H';
  @IsOptional() @IsIsoDuration() REVIEW_DEADLINE_NONE: string = 'PT72H';
  @IsOptional() @IsIsoDuration() CHECK_IN_DELAY: string = 'PT24H';
  @IsOptional() @IsIsoDuration() FEEDBACK_REQUEST_DELAY: string = 'P7D';
  @IsOptional() @IsIsoDuration() FEEDBACK_WAIT: string = 'P14D';

  // Deliveries to the platform and to agencies: retried with exponential backoff, then handed to an officer.
  @IsOptional() @IsIsoDuration() DELIVERY_RETRY_INITIAL: string = 'PT2S';
  @IsOptional() @IsIsoDuration() DELIVERY_RETRY_MAX_INTERVAL: string = 'PT10M';
  @IsOptional() @IsInt() @Min(1) DELIVERY_MAX_ATTEMPTS: number = 12;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PLATFORM_WEBHOOK_URL?: string;

  @ValidateIf((env: Environment) => Boolean(env.PLATFORM_WEBHOOK_URL))
  @IsString()
  @MinLength(16, { message: 'PLATFORM_WEBHOOK_SECRET must be at least 16 characters when PLATFORM_WEBHOOK_URL is set' })
  PLATFORM_WEBHOOK_SECRET?: string;

  /** HMAC key for electronic referrals; each agency's URL is REFERRAL_WEBHOOK_<AGENCY>. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  REFERRAL_WEBHOOK_SECRET?: string;

  // --- Staff sign-in (apps/api/src/auth; docs/accounts.md) ---
  /** Keys that encrypt two-factor secrets at rest: base64 32-byte keys, comma-separated, newest first. */
  @IsOptional() @IsString() MFA_SECRET_KEYS?: string;
  /** Express `trust proxy`: unset (no proxy), a hop count, or proxy addresses/CIDRs and loopback/uniquelocal. */
  @IsOptional() @IsString() TRUST_PROXY?: string;
  /** Failed sign-ins per username before each further one waits; the wait doubles from BASE up to MAX. */
  @IsOptional() @IsInt() @Min(1) LOGIN_FREE_ATTEMPTS: number = 5;
  @IsOptional() @IsIsoDuration() LOGIN_BACKOFF_BASE: string = 'PT1S';
  @IsOptional() @IsIsoDuration() LOGIN_BACKOFF_MAX: string = 'PT1M';
  /** Failed sign-ins allowed from one address (IPv4, or IPv6 /64) per window. */
  @IsOptional() @IsInt() @Min(1) LOGIN_ADDRESS_MAX_FAILURES: number = 100;
  @IsOptional() @IsIsoDuration() LOGIN_ADDRESS_WINDOW: string = 'PT15M';
  /** Password hashes (argon2) computed at once per API process, and how many may wait before a 503. */
  @IsOptional() @IsInt() @Min(1) PASSWORD_HASH_CONCURRENCY: number = 2;
  @IsOptional() @IsInt() @Min(0) PASSWORD_HASH_QUEUE: number = 32;
  // ---- Routes to people and on-call paging (docs/paging.md). Which of these production requires, and why, is
  // decided in one place: libs/agencies/src/route-settings.ts. ----
  /** Without an acknowledgement within this, a page is sent again. */
  @IsOptional() @IsIsoDuration() PAGE_ACK_TIMEOUT: string = 'PT2M';
  /** Email to young people and staff, e.g. smtps://user:pass@mail.example.org:465. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;
  /** The sender of every email, e.g. "Safeguarding team <safeguarding@example.org>". */
  @IsOptional() @IsString() @Length(3, 300) MAIL_FROM?: string;
  /** GOV.UK Notify (SMS): the API key, its base URL (tests point it at a stand-in) and one template per audience. */
  @IsOptional() @IsString() NOTIFY_API_KEY?: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) NOTIFY_BASE_URL?: string;
  @IsOptional() @IsUUID() NOTIFY_TEMPLATE_SUBJECT_SMS?: string;
  @IsOptional() @IsUUID() NOTIFY_TEMPLATE_STAFF_SMS?: string;
  /** HMAC key of pages sent to staff webhooks (chat tools); without it nobody can register a webhook. */
  @IsOptional() @IsString() @MinLength(16) STAFF_WEBHOOK_SECRET?: string;
  /** Where the console is, for the link in every page: <CONSOLE_BASE_URL>/console/cases/<id>. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) CONSOLE_BASE_URL?: string;
  /** Level 3 of paging, besides accounts with the safeguarding_lead role: comma-separated usernames. */
  @IsOptional()
  @Matches(/^[a-z0-9._-]+(,[a-z0-9._-]+)*$/, {
    message: 'SAFEGUARDING_LEAD_USERNAMES must be usernames, comma-separated',
  })
  SAFEGUARDING_LEAD_USERNAMES?: string;
  // ---- Operations (docs/operations.md): logs, metrics, the worker's health port, graceful shutdown ----
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string = 'info';
  /** Bearer token for GET /metrics on the API and the worker: required in production, optional elsewhere. */
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.METRICS_TOKEN !== undefined)
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters (required in production)' })
  METRICS_TOKEN?: string;
  /** The worker's own HTTP port: /health/live, /health/ready, /metrics. */
  @IsOptional() @IsInt() @Min(1) @Max(65535) WORKER_HEALTH_PORT: number = 9464;
  /** How long a stopping worker lets running activities finish before they are cancelled (and retried elsewhere). */
  @IsOptional() @IsIsoDuration() WORKER_SHUTDOWN_GRACE: string = 'PT30S';
  // --- Case log integrity (docs/audit.md); LOG_SIGNING_KEY and LOG_CHECKPOINT_INTERVAL are checked in log-signing.ts.
  /** Public keys of earlier LOG_SIGNING_KEYs, comma-separated; parsed and checked by log-keys.ts. */
  @IsOptional() @IsString() LOG_SIGNING_PREVIOUS_PUBLIC_KEYS?: string;
  /** Folder of the append-only file of signed tree heads; default `<DATA_DIR, else .data>/tree-heads`. */
  @IsOptional() @IsString() LOG_TREE_HEAD_DIR?: string;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  // An empty variable (`NAME=` in a compose file) means "not set", so its default applies.
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(Environment, given, { enableImplicitConversion: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length) {
    const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return env;
}
