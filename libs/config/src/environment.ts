import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
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
