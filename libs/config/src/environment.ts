import 'reflect-metadata'; // class-transformer reads the property types it converts to
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
import { applyDevelopmentDefaults } from './development-mode';
import { IsIsoDuration } from './duration';
import { failClosedProblems } from './fail-closed';
import { ConfigurationError } from './configuration-error';
import { referralWebhooksIn } from './referral-webhooks';

/**
 * Every setting the API and the worker read, checked once at boot so a typo or a missing secret fails fast,
 * naming the setting. Group new settings by concern, each with its default and a line on why.
 */
export class Environment {
  /** `1`: development defaults (published secrets, demo accounts); else fail closed (docs/configuration.md). */
  @IsOptional()
  @IsIn(['0', '1'], { message: 'SAFEGUARDING_DEV must be 1 (development defaults) or 0' })
  SAFEGUARDING_DEV: '0' | '1' = '0';

  /** Only the log format (production: JSON). It never switches secrets or checks on or off. */
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  // ---- HTTP ----
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** The address the API listens on; unset: every interface (the local stack sets 127.0.0.1). */
  @IsOptional() @IsString() HOST?: string;

  /** OpenAPI at /docs: on by default in development only. */
  @IsOptional() @IsIn(['on', 'off']) API_DOCS?: 'on' | 'off';
  /** The built staff console (index.html and assets/) served under /console/; unset: dist/console beside the API. */
  @IsOptional() @IsString() CONSOLE_DIR?: string;

  // ---- PostgreSQL ----
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** TLS to PostgreSQL: off, require (encrypted, server not verified) or verify-full. */
  @IsOptional() @IsIn(['off', 'require', 'verify-full']) DATABASE_SSL: 'off' | 'require' | 'verify-full' = 'off';
  /** PEM file of the CA that signed the database server's certificate (verify-full). */
  @IsOptional() @IsString() DATABASE_SSL_CA?: string;

  // ---- Temporal ----
  @IsOptional() @IsString() TEMPORAL_ADDRESS: string = 'localhost:7233';
  @IsOptional() @IsString() TEMPORAL_NAMESPACE: string = 'default';
  @IsOptional() @IsString() TEMPORAL_TASK_QUEUE: string = 'safeguarding-cases';
  /** TLS to Temporal (on by itself when TEMPORAL_API_KEY or a client certificate is set). */
  @IsOptional() @IsIn(['0', '1']) TEMPORAL_TLS?: '0' | '1';
  /** PEM files: the server's CA, and this process's client certificate and key for mTLS. */
  @IsOptional() @IsString() TEMPORAL_TLS_CA?: string;
  @IsOptional() @IsString() TEMPORAL_TLS_CERT?: string;
  @IsOptional() @IsString() TEMPORAL_TLS_KEY?: string;
  @IsOptional() @IsString() TEMPORAL_TLS_SERVER_NAME?: string;
  /** Temporal Cloud API key, sent as a bearer token. */
  @IsOptional() @IsString() TEMPORAL_API_KEY?: string;
  /** Encrypts every Temporal payload (32 bytes, base64); the newest key of the keyring. */
  @IsOptional() @IsString() TEMPORAL_PAYLOAD_KEY?: string;
  /** Keys it replaced, comma-separated, still accepted for payloads written before a rotation. */
  @IsOptional() @IsString() TEMPORAL_PAYLOAD_PREVIOUS_KEYS?: string;

  /** How often the API retries starting workflows for cases accepted while Temporal was unreachable. */
  @IsOptional()
  @IsInt()
  @Min(100)
  WORKFLOW_START_RETRY_MS: number = 5000;

  // ---- Secrets and tokens ----
  @IsOptional() @IsString() JWT_SECRET?: string;
  @IsOptional() @IsString() PLATFORM_API_KEY?: string;
  /** Development only: the demo staff accounts' password. */
  @IsOptional() @IsString() DEMO_PASSWORD?: string;
  /** HMAC key of the disclosure fingerprint in `case.opened` (a plain hash of a short disclosure can be guessed). */
  @IsOptional() @IsString() DISCLOSURE_FINGERPRINT_KEY?: string;
  /** Ed25519 private key that signs the case log (PKCS8 PEM or base64 DER). */
  @IsOptional() @IsString() LOG_SIGNING_KEY?: string;
  @IsOptional() @IsIsoDuration() LOG_CHECKPOINT_INTERVAL: string = 'PT5M';
  @IsOptional() @IsIsoDuration() STAFF_TOKEN_TTL: string = 'PT8H';
  @IsOptional() @IsIsoDuration() SUBJECT_TOKEN_TTL: string = 'PT15M';
  /** The console's cookie session ends after this long unused (sliding), and this long after sign-in in any case. */
  @IsOptional() @IsIsoDuration() SESSION_IDLE_TIMEOUT: string = 'PT30M';
  @IsOptional() @IsIsoDuration() SESSION_MAX_AGE: string = 'PT8H';

  /** What the platform may read for young people, per API process: tokens minted, and reads per young person. */
  @IsOptional() @IsInt() @Min(1) SUBJECT_TOKENS_PER_MINUTE: number = 120;
  @IsOptional() @IsInt() @Min(1) SHARING_HISTORY_READS_PER_MINUTE: number = 10;

  // ---- Policy effective dates (SPEC §2), checked by the policy library's own parser ----
  @IsOptional() @IsString() UNIFIED_POLICY_FROM?: string;
  @IsOptional() @IsString() GROUP_CHAT_EMERGENCY_FROM?: string;

  // ---- Lifecycle delays (SPEC §3a), ISO-8601. A review deadline is also its escalation interval ----
  @IsOptional() @IsIsoDuration() REVIEW_DEADLINE_EMERGENCY: string = 'PT5M';
  @IsOptional() @IsIsoDuration() REVIEW_DEADLINE_NON_EMERGENCY: string = 'PT24H';
  @IsOptional() @IsIsoDuration() REVIEW_DEADLINE_NONE: string = 'PT72H';
  @IsOptional() @IsIsoDuration() CHECK_IN_DELAY: string = 'PT24H';
  @IsOptional() @IsIsoDuration() FEEDBACK_REQUEST_DELAY: string = 'P7D';
  @IsOptional() @IsIsoDuration() FEEDBACK_WAIT: string = 'P14D';

  // ---- Durability (docs/operations.md): long review loops continue as new; stopped workflows are found ----
  /** History events past which an escalating review continues as new (Temporal's hard limit is 51,200). */
  @IsOptional() @IsInt() @Min(100) @Max(40_000) CASE_HISTORY_EVENTS_LIMIT: number = 2000;
  /** How often the reconciler looks for open cases whose workflow is not running. */
  @IsOptional() @IsIsoDuration() CASE_RECONCILE_INTERVAL: string = 'PT5M';

  // ---- Deliveries: retried with exponential backoff, then handed to an officer ----
  @IsOptional() @IsIsoDuration() DELIVERY_RETRY_INITIAL: string = 'PT2S';
  @IsOptional() @IsIsoDuration() DELIVERY_RETRY_MAX_INTERVAL: string = 'PT10M';
  @IsOptional() @IsInt() @Min(1) DELIVERY_MAX_ATTEMPTS: number = 12;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PLATFORM_WEBHOOK_URL?: string;

  @ValidateIf((env: Environment) => Boolean(env.PLATFORM_WEBHOOK_URL))
  @IsString({ message: 'PLATFORM_WEBHOOK_SECRET is required when PLATFORM_WEBHOOK_URL is set' })
  @MinLength(16, { message: 'PLATFORM_WEBHOOK_SECRET must be at least 16 characters when PLATFORM_WEBHOOK_URL is set' })
  PLATFORM_WEBHOOK_SECRET?: string;

  /** HMAC key for electronic referrals; each agency's URL is REFERRAL_WEBHOOK_<AGENCY> (see referralWebhooks). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'REFERRAL_WEBHOOK_SECRET must be at least 16 characters' })
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
  /** Bearer token for GET /metrics on the API and the worker: required outside development (SAFEGUARDING_DEV=1). */
  @ValidateIf((env: Environment) => !env.development || env.METRICS_TOKEN !== undefined)
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters (required outside development)' })
  METRICS_TOKEN?: string;
  /** The worker's own HTTP port: /health/live, /health/ready, /metrics. */
  @IsOptional() @IsInt() @Min(1) @Max(65535) WORKER_HEALTH_PORT: number = 9464;
  /** How long a stopping worker lets running activities finish before they are cancelled (and retried elsewhere). */
  @IsOptional() @IsIsoDuration() WORKER_SHUTDOWN_GRACE: string = 'PT30S';
  // ---- Sizing (docs/benchmarks.md): measured, see "Worker memory" there ----
  /** Connections each process keeps to PostgreSQL. The worker runs at most this many activities at once. */
  @IsOptional() @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE: number = 10;
  /**
   * Workflows the worker keeps in memory between their steps. A case not cached replays its history at its next
   * step (a few ms for a case's ~60 events); each cached case holds ~0.7 MiB of the workflow thread's heap (its own
   * copy of the workflow modules). 50 is twice the cases a worker moves at once in the lifecycle benchmark.
   */
  @IsOptional() @IsInt() @Min(0) @Max(100_000) WORKER_MAX_CACHED_WORKFLOWS: number = 50;
  // --- Case log integrity (docs/audit.md); LOG_SIGNING_KEY and LOG_CHECKPOINT_INTERVAL are checked in log-signing.ts.
  /** Public keys of earlier LOG_SIGNING_KEYs, comma-separated; parsed and checked by log-keys.ts. */
  @IsOptional() @IsString() LOG_SIGNING_PREVIOUS_PUBLIC_KEYS?: string;
  /** Folder of the append-only file of signed tree heads; default `<DATA_DIR, else .data>/tree-heads`. */
  @IsOptional() @IsString() LOG_TREE_HEAD_DIR?: string;
  /** REFERRAL_WEBHOOK_<AGENCY> settings by agency, collected by validateEnvironment. */
  referralWebhooks: Record<string, string> = {};

  get development(): boolean {
    return this.SAFEGUARDING_DEV === '1';
  }
}

/** The validated settings, or a ConfigurationError naming every problem. */
export function validateEnvironment(raw: Record<string, string | undefined>): Environment {
  // An empty variable (`NAME=` in a compose file) means "not set", so its default applies.
  const given = applyDevelopmentDefaults(
    Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== '' && value !== undefined)),
  );
  const env = plainToInstance(Environment, given, { enableImplicitConversion: true });
  const webhooks = referralWebhooksIn(given);
  env.referralWebhooks = webhooks.routes;
  const errors = validateSync(env, { skipMissingProperties: false });
  const problems = [
    ...errors.flatMap((e) => Object.values(e.constraints ?? {})),
    ...webhooks.problems,
    ...failClosedProblems(env, given),
  ];
  if (problems.length) throw new ConfigurationError(problems);
  return env;
}
