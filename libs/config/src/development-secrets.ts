/**
 * Development defaults, published in the README so a newcomer can try the service. Used only with
 * SAFEGUARDING_DEV=1; anywhere else the services refuse to start with any of them (fail-closed.ts).
 * Plain data: replay tests and scripts import it without NestJS.
 */
export const DEVELOPMENT_SECRETS = {
  JWT_SECRET: 'development-only-jwt-secret-do-not-use',
  PLATFORM_API_KEY: 'development-platform-key',
  DEMO_PASSWORD: 'demo-password',
  TEMPORAL_PAYLOAD_KEY: Buffer.from('development-only-payload-key-32b').toString('base64'),
  DISCLOSURE_FINGERPRINT_KEY: 'development-only-disclosure-fingerprint-key',
} as const;
