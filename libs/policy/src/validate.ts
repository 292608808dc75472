// Checks untrusted input (an HTTP body) before it reaches the engine: one clear message per
// offending field, so the caller can fix everything in one go. Nothing here throws.
import { INDICATOR_CODES, IndicatorCode, isIndicatorCode } from './indicators';
import { isIsoDateTime } from './iso-date-time';
import { Channel, CHANNELS, PolicyInput } from './types';

export interface FieldError {
  field: string;
  message: string;
}

export type ValidationResult = { ok: true; value: PolicyInput } | { ok: false; errors: FieldError[] };

const BOOLEAN_FIELDS = ['adultAtRisk', 'declaredSafe', 'informationComplete', 'hasSocialWorker'] as const;
const KNOWN_FIELDS: readonly string[] = ['occurredAt', 'channel', 'age', 'indicators', ...BOOLEAN_FIELDS];
const MAX_AGE = 120;
const MAX_REPORTED_UNKNOWN = 5;

const isRecord = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const show = (value: unknown): string =>
  typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));

export function validatePolicyInput(raw: unknown): ValidationResult {
  if (!isRecord(raw)) return { ok: false, errors: [{ field: 'input', message: 'must be a JSON object' }] };
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });

  for (const key of Object.keys(raw).filter((k) => !KNOWN_FIELDS.includes(k))) {
    fail(key, `is not a known field; the allowed fields are ${KNOWN_FIELDS.join(', ')}`);
  }

  const { occurredAt, channel, age, indicators } = raw;
  if (occurredAt === undefined) fail('occurredAt', 'is required');
  else if (!isIsoDateTime(occurredAt)) {
    fail(
      'occurredAt',
      `must be an ISO-8601 date-time with a time zone, e.g. 2024-11-01T09:30:00Z (got ${show(occurredAt)})`,
    );
  }

  if (channel === undefined) fail('channel', `is required; one of ${CHANNELS.join(', ')}`);
  else if (!(CHANNELS as readonly unknown[]).includes(channel)) {
    fail('channel', `unknown channel ${show(channel)}; allowed channels are ${CHANNELS.join(', ')}`);
  }

  // Absent means unknown (SPEC §2); JSON null is read the same way.
  if (
    age !== undefined &&
    age !== null &&
    !(typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= MAX_AGE)
  ) {
    fail('age', `must be a whole number of years from 0 to ${MAX_AGE}, or absent when unknown (got ${show(age)})`);
  }

  const codes: IndicatorCode[] = [];
  if (!Array.isArray(indicators)) fail('indicators', 'is required: a list of indicator codes (it may be empty)');
  else {
    let unknown = 0;
    indicators.forEach((code: unknown, i) => {
      // The first few unknown codes are enough to fix a request; one message each for thousands is not.
      if (!isIndicatorCode(code) && unknown++ >= MAX_REPORTED_UNKNOWN) return;
      if (!isIndicatorCode(code)) {
        fail(
          'indicators',
          `unknown indicator ${show(code)} at position ${i}; allowed indicators are ${INDICATOR_CODES.join(', ')}`,
        );
      } else if (!codes.includes(code)) codes.push(code); // duplicates are harmless: keep the first
    });
  }

  for (const field of BOOLEAN_FIELDS) {
    if (raw[field] === undefined) fail(field, 'is required: true or false');
    else if (typeof raw[field] !== 'boolean') fail(field, `must be true or false (got ${show(raw[field])})`);
  }

  if (errors.length > 0) return { ok: false, errors };
  const value: PolicyInput = {
    occurredAt: occurredAt as string,
    channel: channel as Channel,
    adultAtRisk: raw.adultAtRisk as boolean,
    indicators: codes,
    declaredSafe: raw.declaredSafe as boolean,
    informationComplete: raw.informationComplete as boolean,
    hasSocialWorker: raw.hasSocialWorker as boolean,
  };
  if (typeof age === 'number') value.age = age;
  return { ok: true, value };
}
