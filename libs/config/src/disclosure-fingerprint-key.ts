import { validateEnvironment } from './environment';

// Kept free of @nestjs imports: the worker's activities (and their unit tests) load it.

let fingerprintKey: string | undefined;

/** The key of the disclosure fingerprint (HMAC-SHA256), read once from the validated environment. */
export function disclosureFingerprintKey(): string {
  fingerprintKey ??= validateEnvironment(process.env).DISCLOSURE_FINGERPRINT_KEY!;
  return fingerprintKey;
}
