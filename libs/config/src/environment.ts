import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/** Every environment variable the services read, checked once at boot so a typo fails fast. */
export class Environment {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsOptional() @IsInt() @Min(1) @Max(65535)
  PORT: number = 3000;

  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsOptional() @IsString()
  TEMPORAL_ADDRESS: string = 'localhost:7233';

  @IsOptional() @IsString()
  TEMPORAL_NAMESPACE: string = 'default';

  @IsOptional() @IsString()
  TEMPORAL_TASK_QUEUE: string = 'safeguarding-cases';

  /** How often the API retries starting workflows for cases accepted while Temporal was unreachable. */
  @IsOptional() @IsInt() @Min(100)
  WORKFLOW_START_RETRY_MS: number = 5000;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { enableImplicitConversion: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length) {
    const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return env;
}
