/**
 * Development defaults, published in the README so a newcomer can try the service. Production refuses to start
 * while any of them is in use (security.ts). Plain data: replay tests and scripts import it without NestJS.
 */
export const DEVELOPMENT_SECRETS = {
  JWT_SECRET: 'development-only-jwt-secret-do-not-use',
  PLATFORM_API_KEY: 'development-platform-key',
  DEMO_PASSWORD: 'demo-password',
  TEMPORAL_PAYLOAD_KEY: Buffer.from('development-only-payload-key-32b').toString('base64'),
} as const;
