import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * For tests: a complete, safe configuration outside development mode (fresh secrets each call), which
 * validateEnvironment accepts. Each test breaks the one thing it is about.
 */
export function productionEnvironment(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://safeguarding_service:a-real-password@db.internal/safeguarding',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PLATFORM_API_KEY: randomBytes(32).toString('hex'),
    DISCLOSURE_FINGERPRINT_KEY: randomBytes(32).toString('hex'),
    TEMPORAL_PAYLOAD_KEY: randomBytes(32).toString('base64'),
    LOG_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64'),
    METRICS_TOKEN: randomBytes(16).toString('hex'),
  };
}
